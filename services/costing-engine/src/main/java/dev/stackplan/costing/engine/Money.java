package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one rounding rule (assumption ROUNDING): a line item is computed exactly and
 * rounded once to cents with {@link RoundingMode#HALF_EVEN}; totals add rounded line
 * items, so no second rounding can make a total differ from its breakdown.
 */
final class Money {

	private static final int CENTS = 2;

	private static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

	private Money() {
	}

	static BigDecimal cents(BigDecimal exact) {
		return exact.setScale(CENTS, ROUNDING);
	}

	/**
	 * {@code numerator / divisor} rounded once, so no intermediate quotient is truncated.
	 */
	static BigDecimal cents(BigDecimal numerator, BigDecimal divisor) {
		return numerator.divide(divisor, CENTS, ROUNDING);
	}

	static <T> BigDecimal sum(Collection<T> items, Function<T, BigDecimal> amount) {
		return cents(items.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	static String usd(BigDecimal amount) {
		return String.format(Locale.ROOT, "$%,.2f", amount);
	}

	static String usdRange(BigDecimal low, BigDecimal high) {
		return usd(low) + "-" + usd(high);
	}

}
