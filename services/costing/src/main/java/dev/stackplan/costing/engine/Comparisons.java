package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import dev.stackplan.contracts.event.BudgetFit;
import dev.stackplan.contracts.event.CostComparison;
import dev.stackplan.contracts.event.FullTimeCost;
import dev.stackplan.contracts.event.OnDemandCost;
import dev.stackplan.contracts.event.UsdRange;
import org.jspecify.annotations.Nullable;

/** On-demand against full-time for the same bookings, and against the budget. */
final class Comparisons {

	private static final BigDecimal DAYS_PER_WEEK = BigDecimal.valueOf(7);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal LONGEST_ENGAGEMENT = BigDecimal.valueOf(Integer.MAX_VALUE);

	private final CostDocument document;

	Comparisons(CostDocument document) {
		this.document = document;
	}

	CostComparison compare(List<Booking> bookings, OnDemandCost onDemand, FullTimeCost fullTime, Citations citations) {
		BigDecimal onDemandTotal = onDemand.totalUsd();
		UsdRange saving = new UsdRange(fullTime.totalUsd().low().subtract(onDemandTotal),
				fullTime.totalUsd().high().subtract(onDemandTotal));
		UsdRange savingPercent = new UsdRange(percent(saving.low(), fullTime.totalUsd().low()),
				percent(saving.high(), fullTime.totalUsd().high()));
		CostDocument.FullTimeTerms terms = this.document.fullTime();
		BigDecimal weeksToFirstCommit = terms.timeToFillDays()
			.value()
			.add(terms.onboardingWeeks().value().multiply(DAYS_PER_WEEK))
			.divide(DAYS_PER_WEEK, 2, RoundingMode.HALF_EVEN);
		citations.cite(CostDocument.BREAK_EVEN)
			.cite(CostDocument.FIRST_COMMIT_DELAY)
			.cite(terms.timeToFillDays().source())
			.cite(this.document.onDemand().hoursToFirstCommit().source());
		return new CostComparison(saving, savingPercent, breakEvenWeeks(bookings),
				this.document.onDemand().hoursToFirstCommit().value(), weeksToFirstCommit);
	}

	/**
	 * Smallest whole W for which every booked engineer engaged W weeks costs less
	 * full-time (low end) than on-demand (assumption BREAK_EVEN). With c engineers at
	 * weekly rate p, low salary s, low multiplier m, onboarding weeks O, cost per hire H,
	 * Y weeks a year, trial credit d of D working days, full-time is cheaper when
	 * {@code W × D(YΣcp − Σcsm) > D(OΣcsm + YΣcH) + YdΣcp}; multiplying out the divisions
	 * keeps the comparison exact.
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
		BigDecimal perWeekGap = workingDays.multiply(weeksPerYear.multiply(onDemandWeekly).subtract(loadedSalaries));
		if (perWeekGap.signum() <= 0) {
			return null;
		}
		BigDecimal fixedGap = workingDays
			.multiply(terms.onboardingWeeks()
				.value()
				.multiply(loadedSalaries)
				.add(weeksPerYear.multiply(hires).multiply(terms.costPerHire().value())))
			.add(weeksPerYear.multiply(this.document.onDemand().trialCreditDays().value()).multiply(onDemandWeekly));
		BigDecimal weeks = fixedGap.divideToIntegralValue(perWeekGap).add(BigDecimal.ONE);
		// Beyond any int the engagement is not a plan any more: full-time never pays off.
		return (weeks.compareTo(LONGEST_ENGAGEMENT) > 0) ? null : weeks.intValueExact();
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

	private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN);
	}

}
