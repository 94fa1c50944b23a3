package dev.stackplan.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns relative weights into shares of 1 at a fixed scale that add up to exactly 1.
 * Rounding each share on its own can leave the total a few units off, so the units are
 * apportioned by largest remainder (Hamilton's method): every share is rounded down, then
 * the units still missing go to the largest remainders, ties to the earlier factor.
 */
final class WeightShares {

	static final int SCALE = 4;

	private static final BigDecimal UNITS = BigDecimal.ONE.scaleByPowerOfTen(SCALE);

	/**
	 * Enough digits that no two remainders of a realistic pack compare equal by accident.
	 */
	private static final int WORKING_SCALE = 12;

	private WeightShares() {
	}

	static List<BigDecimal> of(List<BigDecimal> weights) {
		BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		if (total.signum() <= 0) {
			throw new IllegalArgumentException("Every factor weighs 0 for this profile; nothing to score with");
		}
		List<BigDecimal> units = new ArrayList<>();
		List<BigDecimal> remainders = new ArrayList<>();
		BigDecimal allotted = BigDecimal.ZERO;
		for (BigDecimal weight : weights) {
			BigDecimal exact = weight.multiply(UNITS).divide(total, WORKING_SCALE, RoundingMode.HALF_UP);
			BigDecimal whole = exact.setScale(0, RoundingMode.DOWN);
			units.add(whole);
			remainders.add(exact.subtract(whole));
			allotted = allotted.add(whole);
		}
		int missing = UNITS.subtract(allotted).intValueExact();
		List<Integer> byRemainder = new ArrayList<>();
		for (int i = 0; i < weights.size(); i++) {
			byRemainder.add(i);
		}
		byRemainder.sort(Comparator.comparing((Integer i) -> remainders.get(i))
			.reversed()
			.thenComparing(Comparator.naturalOrder()));
		for (int i = 0; i < missing; i++) {
			int index = byRemainder.get(i);
			units.set(index, units.get(index).add(BigDecimal.ONE));
		}
		return units.stream().map((unit) -> unit.divide(UNITS, SCALE, RoundingMode.UNNECESSARY)).toList();
	}

}
