package dev.stackplan.contracts.event;

import java.math.BigDecimal;

/**
 * An amount in US dollars known only as a range; {@code low <= high}.
 *
 * @param low lower bound
 * @param high upper bound
 */
public record UsdRange(BigDecimal low, BigDecimal high) {

	public UsdRange {
		if (low.compareTo(high) > 0) {
			throw new IllegalArgumentException("low " + low + " > high " + high);
		}
	}

	public static UsdRange exactly(BigDecimal amount) {
		return new UsdRange(amount, amount);
	}

}
