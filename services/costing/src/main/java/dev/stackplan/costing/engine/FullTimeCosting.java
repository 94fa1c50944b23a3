package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.stackplan.contracts.event.FullTimeCost;
import dev.stackplan.contracts.event.RangeLineItem;
import dev.stackplan.contracts.event.UsdRange;
import dev.stackplan.costing.engine.CostDocument.FullTimeTerms;
import dev.stackplan.costing.engine.CostDocument.RangeFigure;

/**
 * Prices the same bookings as US full-time hires (assumption FULL_TIME_COUNTING): one
 * hire per booked engineer, paid the loaded salary for the booked weeks plus the
 * onboarding weeks, plus the cost per hire. The low end pairs the low salary with the low
 * multiplier, the high end the high with the high.
 */
final class FullTimeCosting {

	private final FullTimeTerms terms;

	private final BigDecimal weeksPerYear;

	private final CostDocument document;

	FullTimeCosting(CostDocument document) {
		this.document = document;
		this.terms = document.fullTime();
		this.weeksPerYear = document.calendar().weeksPerYear().value();
	}

	FullTimeCost cost(List<Booking> bookings, int planWeeks, Citations estimateCitations) {
		Citations citations = new Citations();
		List<RangeLineItem> lines = new ArrayList<>();
		RangeFigure multiplier = this.terms.loadedMultiplier();
		BigDecimal onboardingWeeks = this.terms.onboardingWeeks().value();
		for (Booking booking : bookings) {
			RangeFigure salary = this.terms.salaries().get(booking.tier());
			lines.add(new RangeLineItem(booking.roleId() + "_SALARY",
					format("%s (%s) base salary: %d × %s a year × %d/%s of a year", booking.roleId(), booking.tier(),
							booking.count(), Money.usdRange(salary.low(), salary.high()), booking.weeks(),
							this.weeksPerYear.toPlainString()),
					salary(booking), salary.source()));
			lines.add(new RangeLineItem(booking.roleId() + "_EMPLOYER_COSTS",
					format("Employer costs on that salary: loaded multiplier %s-%s minus 1",
							multiplier.low().toPlainString(), multiplier.high().toPlainString()),
					employerCosts(booking), multiplier.source()));
			lines.add(new RangeLineItem(booking.roleId() + "_ONBOARDING",
					format("%s onboarding weeks before the first commit at the loaded salary: %d × %s/%s of a year",
							onboardingWeeks.toPlainString(), booking.count(), onboardingWeeks.toPlainString(),
							this.weeksPerYear.toPlainString()),
					onboarding(booking), this.terms.onboardingWeeks().source()));
			lines.add(new RangeLineItem(booking.roleId() + "_RECRUITING",
					format("Cost per hire: %d × %s", booking.count(), Money.usd(this.terms.costPerHire().value())),
					recruiting(booking), this.terms.costPerHire().source()));
			citations.cite(salary.source());
		}
		citations.cite(multiplier.source())
			.cite(this.terms.onboardingWeeks().source())
			.cite(this.terms.costPerHire().source())
			.cite(this.document.calendar().weeksPerYear().source())
			.cite(CostDocument.FULL_TIME_COUNTING)
			.cite(CostDocument.ROUNDING);
		estimateCitations.citeAll(citations);
		UsdRange total = new UsdRange(Money.sum(lines, (line) -> line.amountUsd().low()),
				Money.sum(lines, (line) -> line.amountUsd().high()));
		BigDecimal weeks = BigDecimal.valueOf(planWeeks);
		return new FullTimeCost(total, new UsdRange(Money.cents(total.low(), weeks), Money.cents(total.high(), weeks)),
				lines, citations.declaredIn(this.document));
	}

	/**
	 * The total alone, without the words: the same line amounts {@link #cost} adds, for
	 * the compact estimate that travels on the log.
	 */
	UsdRange total(List<Booking> bookings) {
		List<UsdRange> amounts = new ArrayList<>(bookings.size() * 4);
		for (Booking booking : bookings) {
			amounts.addAll(List.of(salary(booking), employerCosts(booking), onboarding(booking), recruiting(booking)));
		}
		return new UsdRange(Money.sum(amounts, UsdRange::low), Money.sum(amounts, UsdRange::high));
	}

	private UsdRange salary(Booking booking) {
		RangeFigure salary = this.terms.salaries().get(booking.tier());
		BigDecimal count = BigDecimal.valueOf(booking.count());
		BigDecimal weeks = BigDecimal.valueOf(booking.weeks());
		return range(count.multiply(salary.low()).multiply(weeks), count.multiply(salary.high()).multiply(weeks));
	}

	private UsdRange employerCosts(Booking booking) {
		RangeFigure salary = this.terms.salaries().get(booking.tier());
		RangeFigure multiplier = this.terms.loadedMultiplier();
		BigDecimal count = BigDecimal.valueOf(booking.count());
		BigDecimal weeks = BigDecimal.valueOf(booking.weeks());
		return range(count.multiply(salary.low()).multiply(multiplier.low().subtract(BigDecimal.ONE)).multiply(weeks),
				count.multiply(salary.high()).multiply(multiplier.high().subtract(BigDecimal.ONE)).multiply(weeks));
	}

	private UsdRange onboarding(Booking booking) {
		RangeFigure salary = this.terms.salaries().get(booking.tier());
		RangeFigure multiplier = this.terms.loadedMultiplier();
		BigDecimal count = BigDecimal.valueOf(booking.count());
		BigDecimal onboardingWeeks = this.terms.onboardingWeeks().value();
		return range(count.multiply(salary.low()).multiply(multiplier.low()).multiply(onboardingWeeks),
				count.multiply(salary.high()).multiply(multiplier.high()).multiply(onboardingWeeks));
	}

	private UsdRange recruiting(Booking booking) {
		return UsdRange
			.exactly(Money.cents(BigDecimal.valueOf(booking.count()).multiply(this.terms.costPerHire().value())));
	}

	/** Annual amounts prorated to weeks, each end rounded once. */
	private UsdRange range(BigDecimal lowTimesWeeks, BigDecimal highTimesWeeks) {
		return new UsdRange(Money.cents(lowTimesWeeks, this.weeksPerYear),
				Money.cents(highTimesWeeks, this.weeksPerYear));
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

}
