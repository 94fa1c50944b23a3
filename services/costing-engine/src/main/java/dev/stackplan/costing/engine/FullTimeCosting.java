package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.stackplan.contracts.event.FullTimeCost;
import dev.stackplan.contracts.event.FullTimeStatus;
import dev.stackplan.contracts.event.InHouseCost;
import dev.stackplan.contracts.event.RangeLineItem;
import dev.stackplan.contracts.event.UsdRange;
import dev.stackplan.costing.engine.CostDocument.FullTimeTerms;
import dev.stackplan.costing.engine.CostDocument.RangeFigure;

/**
 * Prices the same bookings as US full-time hires (assumption FULL_TIME_COUNTING): one
 * hire per booked engineer, paid the loaded salary for the booked weeks (at least the
 * minimum tenure) plus the onboarding weeks, plus the hiring cost: the in-house cost per
 * hire at the low end, an agency fee on the tier's high salary at the high end
 * (assumption AGENCY_FEE). The low end pairs the low salary with the low multiplier, the
 * high end the high with the high.
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

	FullTimeCost cost(List<Booking> bookings, int planWeeks, int timelineWeeks, BigDecimal weeksToFirstCommit,
			Citations estimateCitations) {
		Citations citations = new Citations();
		List<RangeLineItem> lines = new ArrayList<>();
		RangeFigure multiplier = this.terms.loadedMultiplier();
		BigDecimal onboardingWeeks = this.terms.onboardingWeeks().value();
		for (Booking booking : bookings) {
			RangeFigure salary = this.terms.salaries().get(booking.tier());
			lines.add(new RangeLineItem(booking.roleId() + "_SALARY",
					format("%s (%s) base salary: %d × %s a year × %d/%s of a year%s", booking.roleId(), booking.tier(),
							booking.count(), Money.usdRange(salary.low(), salary.high()), paidWeeks(booking),
							this.weeksPerYear.toPlainString(), tenure(booking)),
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
			RangeFigure agency = this.terms.agencyFee();
			lines.add(new RangeLineItem(booking.roleId() + "_RECRUITING",
					format("Hiring: %d × %s in-house per hire (%s) to an agency fee of %s-%s of first-year base,"
							+ " here %s of %s (%s)", booking.count(), Money.usd(this.terms.costPerHire().value()),
							this.terms.costPerHire().source(), percent(agency.low()), percent(agency.high()),
							percent(agency.high()), Money.usd(salary.high()), agency.source()),
					recruiting(booking), this.terms.costPerHire().source()));
			citations.cite(salary.source()).cite(agency.source());
			if (booking.weeks() < this.terms.minimumTenureWeeks().value().intValue()) {
				citations.cite(this.terms.minimumTenureWeeks().source());
			}
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
		boolean late = weeksToFirstCommit.compareTo(BigDecimal.valueOf(timelineWeeks)) > 0;
		if (late) {
			citations.cite(CostDocument.FULL_TIME_CANNOT_START_IN_TIME).cite(CostDocument.FIRST_COMMIT_DELAY);
			estimateCitations.citeAll(citations);
		}
		return new FullTimeCost(total, new UsdRange(Money.cents(total.low(), weeks), Money.cents(total.high(), weeks)),
				lines, citations.declaredIn(this.document),
				late ? FullTimeStatus.FIRST_COMMIT_PAST_TIMELINE : FullTimeStatus.CAN_START_IN_TIME);
	}

	/**
	 * What the in-house engineers in the plan's seats cost at their tier's loaded salary
	 * (assumption IN_HOUSE_COST).
	 */
	InHouseCost inHouse(List<StaffingPlan.InHouseSeat> seats, Citations citations) {
		RangeFigure multiplier = this.terms.loadedMultiplier();
		BigDecimal low = BigDecimal.ZERO;
		BigDecimal high = BigDecimal.ZERO;
		int engineers = 0;
		int engineerWeeks = 0;
		for (StaffingPlan.InHouseSeat seat : seats) {
			RangeFigure salary = this.terms.salaries().get(seat.tier());
			BigDecimal countWeeks = BigDecimal.valueOf((long) seat.count() * seat.weeks());
			low = low.add(countWeeks.multiply(salary.low()).multiply(multiplier.low()));
			high = high.add(countWeeks.multiply(salary.high()).multiply(multiplier.high()));
			engineers += seat.count();
			engineerWeeks += seat.count() * seat.weeks();
			citations.cite(salary.source());
		}
		citations.cite(CostDocument.IN_HOUSE_COST).cite(multiplier.source());
		return new InHouseCost(engineers, engineerWeeks,
				new UsdRange(Money.cents(low, this.weeksPerYear), Money.cents(high, this.weeksPerYear)),
				CostDocument.IN_HOUSE_COST);
	}

	/** The weeks a hire is paid a salary for: the role's, at least the minimum tenure. */
	int paidWeeks(Booking booking) {
		return Math.max(booking.weeks(), this.terms.minimumTenureWeeks().value().intValue());
	}

	private String tenure(Booking booking) {
		return (paidWeeks(booking) > booking.weeks()) ? format(
				" (the role is %d weeks; a hire is paid at least %s weeks, %s)", booking.weeks(),
				this.terms.minimumTenureWeeks().value().toPlainString(), this.terms.minimumTenureWeeks().source()) : "";
	}

	private static String percent(BigDecimal share) {
		return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
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
		BigDecimal weeks = BigDecimal.valueOf(paidWeeks(booking));
		return range(count.multiply(salary.low()).multiply(weeks), count.multiply(salary.high()).multiply(weeks));
	}

	private UsdRange employerCosts(Booking booking) {
		RangeFigure salary = this.terms.salaries().get(booking.tier());
		RangeFigure multiplier = this.terms.loadedMultiplier();
		BigDecimal count = BigDecimal.valueOf(booking.count());
		BigDecimal weeks = BigDecimal.valueOf(paidWeeks(booking));
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
		BigDecimal count = BigDecimal.valueOf(booking.count());
		BigDecimal perHire = this.terms.costPerHire().value();
		BigDecimal agency = this.terms.agencyFee().high().multiply(this.terms.salaries().get(booking.tier()).high());
		return new UsdRange(Money.cents(count.multiply(perHire)), Money.cents(count.multiply(perHire.max(agency))));
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
