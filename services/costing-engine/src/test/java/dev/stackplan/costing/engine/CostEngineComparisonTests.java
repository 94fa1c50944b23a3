package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import dev.stackplan.contracts.event.BudgetFit;
import dev.stackplan.contracts.event.CostComparison;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.event.UsdRange;
import dev.stackplan.contracts.profile.PlanRequest;
import org.junit.jupiter.api.Test;

import static dev.stackplan.costing.engine.CostEngineOnDemandTests.HYBRID_TWELVE_WEEKS;
import static dev.stackplan.costing.engine.CostFixtures.estimate;
import static dev.stackplan.costing.engine.CostFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On-demand against full-time and against the budget, for the HYBRID plan of
 * {@link CostEngineOnDemandTests}: on-demand $22,600.00 (burn $3,500.00 a week),
 * full-time $311,142.61-$639,903.85.
 */
class CostEngineComparisonTests {

	@Test
	void theSavingIsFullTimeLessOnDemandAndItsShareOfFullTime() {
		CostComparison comparison = estimate(CostFixtures.engine(), HYBRID_TWELVE_WEEKS, "HYBRID").comparison();

		// 311,142.61 - 22,600 and 639,903.85 - 22,600
		assertThat(comparison.savingUsd()).isEqualTo(new UsdRange(usd("288542.61"), usd("617303.85")));
		// 288,542.61 / 311,142.61 = 92.736...%; 617,303.85 / 639,903.85 = 96.468...%
		assertThat(comparison.savingPercent()).isEqualTo(new UsdRange(usd("92.74"), usd("96.47")));
	}

	@Test
	void aHireCommitsAfterTheTimeToFillPlusOnboardingAgainstTwentySevenHoursOnDemand() {
		CostComparison comparison = estimate(CostFixtures.engine(), HYBRID_TWELVE_WEEKS, "HYBRID").comparison();

		assertThat(comparison.onDemandHoursToFirstCommit()).isEqualByComparingTo("27");
		// 42 days / 7 + 4 weeks
		assertThat(comparison.fullTimeWeeksToFirstCommit()).isEqualTo(usd("10.00"));
	}

	@Test
	void atTheShippedRatesFullTimeNeverBecomesCheaper() {
		// the cheapest full-time senior costs 180,000 x 1.25 / 52 = 4,326.92 a week, more
		// than any tier's weekly rate
		List<StaffingEstimate> estimates = CostFixtures.engine()
			.estimate(CostEngineStaffingTests.sixFeaturesMigratingFromFastApi(), CostFixtures.OPTIONS);

		assertThat(estimates).allSatisfy((estimate) -> assertThat(estimate.comparison().breakEvenWeeks()).isNull());
	}

	@Test
	void withRatesAboveTheLoadedSalariesFullTimeBecomesCheaperFromTheBreakEvenWeek() {
		CostEngine expensive = CostFixtures
			.engine("{\"onDemand\":{\"tiers\":{\"LEAD\":{\"weeklyUsd\":8000},\"SENIOR\":{\"weeklyUsd\":6000}}}}");

		// the plan books one lead and one senior
		Integer breakEven = estimate(expensive, HYBRID_TWELVE_WEEKS, "HYBRID").comparison().breakEvenWeeks();

		// full-time is paid at least 26 weeks, so below that it costs the same whatever
		// the
		// engagement, and on-demand passes it in week 23
		assertThat(breakEven).isEqualTo(23);
		assertThat(onDemandFor(22)).isLessThan(fullTimeLowFor(22));
		assertThat(onDemandFor(23)).isGreaterThan(fullTimeLowFor(23));
	}

	@Test
	void theBudgetPaysForWholeWeeksOfTheSchedule() {
		BudgetFit tight = budgetFit("20000");
		BudgetFit enough = budgetFit("50000");
		BudgetFit generous = budgetFit("640000");

		// lead 3 weeks and senior 12: week 1 costs 3,500 less both trials (1,400), weeks
		// 2-3
		// 3,500, then 1,500: 9,100 by week 3, and 20,000 pays 7 more whole weeks
		assertThat(tight).isEqualTo(new BudgetFit(usd("20000"), false, usd("10"), false));
		assertThat(enough).isEqualTo(new BudgetFit(usd("50000"), true, usd("12"), false));
		assertThat(generous).isEqualTo(new BudgetFit(usd("640000"), true, usd("12"), true));
		assertThat(estimate(CostFixtures.engine(), HYBRID_TWELVE_WEEKS, "HYBRID").budget()).isNull();
	}

	/** One lead at 8,000 and one senior at 6,000 a week for W weeks, less both trials. */
	private static BigDecimal onDemandFor(int weeks) {
		BigDecimal trialCredits = usd("8000").add(usd("6000")).multiply(usd("2")).divide(usd("5"));
		return usd("14000").multiply(BigDecimal.valueOf(weeks)).subtract(trialCredits);
	}

	/**
	 * Low loaded salaries (240,000 + 180,000) x 1.25 for W (at least 26) + 4 weeks of 52,
	 * two hires.
	 */
	private static BigDecimal fullTimeLowFor(int weeks) {
		return usd("420000").multiply(usd("1.25"))
			.multiply(BigDecimal.valueOf(Math.max(weeks, 26) + 4))
			.divide(usd("52"), 2, RoundingMode.HALF_EVEN)
			.add(usd("8258"));
	}

	private static BudgetFit budgetFit(String budget) {
		PlanRequest withBudget = new PlanRequest(HYBRID_TWELVE_WEEKS.product(), HYBRID_TWELVE_WEEKS.team(),
				HYBRID_TWELVE_WEEKS.timelineWeeks(), usd(budget));
		return estimate(CostFixtures.engine(), withBudget, "HYBRID").budget();
	}

}
