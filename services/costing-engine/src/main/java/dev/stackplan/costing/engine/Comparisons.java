package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.stackplan.contracts.event.BudgetFit;
import dev.stackplan.contracts.event.CostComparison;
import dev.stackplan.contracts.event.FullTimeCost;
import dev.stackplan.contracts.event.FullTimeStatus;
import dev.stackplan.contracts.event.InHouseCost;
import dev.stackplan.contracts.event.OnDemandCost;
import dev.stackplan.contracts.event.RangeLineItem;
import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.event.UsdRange;
import org.jspecify.annotations.Nullable;

/** On-demand against full-time for the same bookings, and against the budget. */
final class Comparisons {

	private static final BigDecimal DAYS_PER_WEEK = BigDecimal.valueOf(7);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** The longest timeline a plan request may ask for (intake's bound). */
	private static final int LONGEST_PLAN_WEEKS = 520;

	private final CostDocument document;

	Comparisons(CostDocument document) {
		this.document = document;
	}

	CostComparison compare(List<Booking> bookings, int timelineWeeks, OnDemandCost onDemand, FullTimeCost fullTime,
			InHouseCost inHouse, Citations citations) {
		BigDecimal onDemandTotal = onDemand.totalUsd();
		UsdRange saving = new UsdRange(fullTime.totalUsd().low().subtract(onDemandTotal),
				fullTime.totalUsd().high().subtract(onDemandTotal));
		UsdRange savingPercent = new UsdRange(percent(saving.low(), fullTime.totalUsd().low()),
				percent(saving.high(), fullTime.totalUsd().high()));
		BigDecimal weeksToFirstCommit = weeksToFirstCommit();
		citations.cite(CostDocument.BREAK_EVEN)
			.cite(CostDocument.FIRST_COMMIT_DELAY)
			.cite(this.document.fullTime().timeToFillDays().source())
			.cite(this.document.onDemand().hoursToFirstCommit().source());
		Integer breakEven = breakEvenWeeks(bookings);
		BigDecimal parity = (onDemandTotal.signum() > 0)
				? fullTime.totalUsd().low().divide(onDemandTotal, 2, RoundingMode.HALF_EVEN) : null;
		List<SourcedText> caveats = new ArrayList<>();
		caveats.add(new SourcedText("The on-demand figures are the vendor's own claims: the only source of the rates,"
				+ " the trial and the time to first commit is an article published by " + onDemand.provider() + ".",
				CostDocument.VENDOR_IS_THE_ONLY_ON_DEMAND_SOURCE));
		if (fullTime.status() == FullTimeStatus.FIRST_COMMIT_PAST_TIMELINE) {
			caveats.add(new SourcedText(format(
					"A full-time hire's first commit comes after %s weeks (time to fill plus onboarding), past the"
							+ " %d-week timeline: full-time cannot deliver this plan in time, so the saving is against"
							+ " an option that is not open.",
					weeksToFirstCommit.stripTrailingZeros().toPlainString(), timelineWeeks),
					CostDocument.FULL_TIME_CANNOT_START_IN_TIME));
			citations.cite(CostDocument.FULL_TIME_CANNOT_START_IN_TIME);
		}
		int tenure = this.document.fullTime().minimumTenureWeeks().value().intValue();
		if (bookings.stream().anyMatch((booking) -> booking.weeks() < tenure)) {
			caveats.add(new SourcedText(format(
					"Full-time pays every hire for at least %d weeks, longer than some of the roles it is compared"
							+ " with last: part of the saving is weeks the plan does not need.",
					tenure), this.document.fullTime().minimumTenureWeeks().source()));
		}
		BigDecimal fixedLow = BigDecimal.ZERO;
		BigDecimal fixedHigh = BigDecimal.ZERO;
		for (RangeLineItem line : fullTime.lineItems()) {
			if (line.item().endsWith("_ONBOARDING") || line.item().endsWith("_RECRUITING")) {
				fixedLow = fixedLow.add(line.amountUsd().low());
				fixedHigh = fixedHigh.add(line.amountUsd().high());
			}
		}
		if (fullTime.totalUsd().low().signum() > 0) {
			caveats.add(new SourcedText(format(
					"Onboarding and hiring are %s of the full-time total (%s%%-%s%%): costs of starting, which a"
							+ " longer engagement spreads thinner.",
					Money.usdRange(fixedLow, fixedHigh), percent(fixedLow, fullTime.totalUsd().low()).toPlainString(),
					percent(fixedHigh, fullTime.totalUsd().high()).toPlainString()), CostDocument.FULL_TIME_COUNTING));
		}
		if (breakEven == null && parity != null) {
			caveats.add(new SourcedText(format(
					"Full-time never becomes cheaper at these rates: every on-demand rate would have to be %sx higher"
							+ " for this plan to cost what the low full-time estimate does.",
					parity.toPlainString()), CostDocument.RATE_PARITY));
		}
		citations.cite(CostDocument.RATE_PARITY);
		if (inHouse.engineers() > 0) {
			caveats.add(new SourcedText(format(
					"The in-house team's own time in the plan's seats (%d engineer-weeks, %s loaded) is in neither"
							+ " total.",
					inHouse.engineerWeeks(), Money.usdRange(inHouse.loadedUsd().low(), inHouse.loadedUsd().high())),
					CostDocument.IN_HOUSE_COST));
		}
		return new CostComparison(saving, savingPercent, breakEven,
				this.document.onDemand().hoursToFirstCommit().value(), weeksToFirstCommit, parity, caveats);
	}

	BigDecimal weeksToFirstCommit() {
		CostDocument.FullTimeTerms terms = this.document.fullTime();
		return terms.timeToFillDays()
			.value()
			.add(terms.onboardingWeeks().value().multiply(DAYS_PER_WEEK))
			.divide(DAYS_PER_WEEK, 2, RoundingMode.HALF_EVEN);
	}

	/**
	 * Smallest whole W, up to the longest plan a request may ask for, for which every
	 * booked engineer engaged W weeks costs less full-time (low end, paid at least the
	 * minimum tenure) than on-demand (assumption BREAK_EVEN). With c engineers at weekly
	 * rate p, low salary s, low multiplier m, onboarding weeks O, minimum tenure T, cost
	 * per hire H, Y weeks a year, trial credit d of D working days, full-time is cheaper
	 * when {@code D(Σcsm(max(W,T) + O) + YΣcH) < Y(DWΣcp − dΣcp)}; multiplying out the
	 * divisions keeps the comparison exact.
	 */
	private @Nullable Integer breakEvenWeeks(List<Booking> bookings) {
		CostDocument.FullTimeTerms terms = this.document.fullTime();
		BigDecimal onDemandWeekly = BigDecimal.ZERO;
		BigDecimal loadedSalaries = BigDecimal.ZERO;
		BigDecimal hires = BigDecimal.ZERO;
		for (Booking booking : bookings) {
			BigDecimal count = BigDecimal.valueOf(booking.count());
			onDemandWeekly = onDemandWeekly
				.add(count.multiply(this.document.onDemand().weeklyRates().get(booking.tier()).value()));
			loadedSalaries = loadedSalaries.add(count.multiply(terms.salaries().get(booking.tier()).low())
				.multiply(terms.loadedMultiplier().low()));
			hires = hires.add(count);
		}
		BigDecimal weeksPerYear = this.document.calendar().weeksPerYear().value();
		BigDecimal workingDays = this.document.calendar().workingDaysPerWeek().value();
		if (weeksPerYear.multiply(onDemandWeekly).compareTo(loadedSalaries) <= 0) {
			// full-time costs at least as much every week: it never catches up
			return null;
		}
		BigDecimal tenure = terms.minimumTenureWeeks().value();
		BigDecimal hiring = weeksPerYear.multiply(hires).multiply(terms.costPerHire().value());
		BigDecimal credit = this.document.onDemand().trialCreditDays().value().multiply(onDemandWeekly);
		for (int w = 1; w <= LONGEST_PLAN_WEEKS; w++) {
			BigDecimal weeks = BigDecimal.valueOf(w);
			BigDecimal fullTime = workingDays
				.multiply(loadedSalaries.multiply(weeks.max(tenure).add(terms.onboardingWeeks().value())).add(hiring));
			BigDecimal onDemand = weeksPerYear
				.multiply(workingDays.multiply(weeks).multiply(onDemandWeekly).subtract(credit));
			if (fullTime.compareTo(onDemand) < 0) {
				return w;
			}
		}
		return null;
	}

	/**
	 * The budget pays for the planned schedule week by week, each week billing the
	 * engineers booked in it and the first week crediting their trials (assumption
	 * BUDGET_FIT); a plan within budget affords all its weeks.
	 */
	BudgetFit fit(BigDecimal budget, List<Booking> bookings, int planWeeks, OnDemandCost onDemand,
			FullTimeCost fullTime, Citations citations) {
		citations.cite(CostDocument.BUDGET_FIT);
		return new BudgetFit(budget, onDemand.totalUsd().compareTo(budget) <= 0,
				BigDecimal.valueOf(scheduledWeeksAffordable(budget, bookings, planWeeks)),
				fullTime.totalUsd().high().compareTo(budget) <= 0);
	}

	private int scheduledWeeksAffordable(BigDecimal budget, List<Booking> bookings, int planWeeks) {
		CostDocument.OnDemandTerms terms = this.document.onDemand();
		BigDecimal workingDays = this.document.calendar().workingDaysPerWeek().value();
		BigDecimal spent = BigDecimal.ZERO;
		for (int week = 1; week <= planWeeks; week++) {
			BigDecimal bill = BigDecimal.ZERO;
			for (Booking booking : bookings) {
				if (booking.weeks() >= week) {
					BigDecimal rate = terms.weeklyRates().get(booking.tier()).value();
					BigDecimal weekly = rate.multiply(BigDecimal.valueOf(booking.count()));
					bill = bill.add(weekly);
					if (week == 1) {
						bill = bill
							.subtract(Money.cents(weekly.multiply(terms.trialCreditDays().value()), workingDays));
					}
				}
			}
			spent = spent.add(bill);
			if (spent.compareTo(budget) > 0) {
				return week - 1;
			}
		}
		return planWeeks;
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN);
	}

}
