package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.event.UsdRange;
import org.junit.jupiter.api.Test;

import static dev.stackplan.costing.engine.CostEngineOnDemandTests.HYBRID_TWELVE_WEEKS;
import static dev.stackplan.costing.engine.CostFixtures.estimate;
import static dev.stackplan.costing.engine.CostFixtures.rangeLine;
import static dev.stackplan.costing.engine.CostFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-time prices computed by hand: senior base $180k-$260k (article:50), lead
 * $240k-$345k (assumption), loaded multiplier 1.25-1.40 (SBA), four onboarding weeks
 * (article:44), $4,129 per hire (SHRM), 52 weeks a year.
 */
class CostEngineFullTimeTests {

	@Test
	void aFullTimeSeniorForTwelveWeeksIsTheLoadedSalaryForTwelvePlusFourWeeksPlusTheCostPerHire() {
		StaffingEstimate hybrid = estimate(CostFixtures.engine(), HYBRID_TWELVE_WEEKS, "HYBRID");

		// 180,000 x 12 / 52 = 41,538.4615...; 260,000 x 12 / 52 = 60,000
		assertThat(rangeLine(hybrid, "BOUNDARY_OWNER_SALARY").amountUsd())
			.isEqualTo(new UsdRange(usd("41538.46"), usd("60000.00")));
		// 180,000 x 0.25 x 12 / 52 = 10,384.615...; 260,000 x 0.40 x 12 / 52 = 24,000
		assertThat(rangeLine(hybrid, "BOUNDARY_OWNER_EMPLOYER_COSTS").amountUsd())
			.isEqualTo(new UsdRange(usd("10384.62"), usd("24000.00")));
		// 180,000 x 1.25 x 4 / 52 = 17,307.692...; 260,000 x 1.40 x 4 / 52 = 28,000
		assertThat(rangeLine(hybrid, "BOUNDARY_OWNER_ONBOARDING").amountUsd())
			.isEqualTo(new UsdRange(usd("17307.69"), usd("28000.00")));
		assertThat(rangeLine(hybrid, "BOUNDARY_OWNER_RECRUITING").amountUsd())
			.isEqualTo(UsdRange.exactly(usd("4129.00")));
	}

	@Test
	void aFullTimeSeniorLiesBetweenTheLowAndHighLoadedSalaryForTheWeeksPlusTheHiringCosts() {
		StaffingEstimate hybrid = estimate(CostFixtures.engine(), HYBRID_TWELVE_WEEKS, "HYBRID");
		BigDecimal senior = sum(hybrid, "BOUNDARY_OWNER", true);
		BigDecimal seniorHigh = sum(hybrid, "BOUNDARY_OWNER", false);
		BigDecimal hiring = usd("4129");

		// the salary part alone: 180k x 12/52 x 1.25 and 260k x 12/52 x 1.40
		BigDecimal lowestLoadedSalary = new BigDecimal("180000").multiply(new BigDecimal("12"))
			.multiply(new BigDecimal("1.25"))
			.divide(new BigDecimal("52"), 2, RoundingMode.HALF_EVEN);
		BigDecimal highestLoadedSalary = new BigDecimal("260000").multiply(new BigDecimal("12"))
			.multiply(new BigDecimal("1.40"))
			.divide(new BigDecimal("52"), 2, RoundingMode.HALF_EVEN);
		assertThat(lowestLoadedSalary).isEqualTo(usd("51923.08"));
		assertThat(highestLoadedSalary).isEqualTo(usd("84000.00"));
		assertThat(senior).isBetween(lowestLoadedSalary.add(hiring),
				highestLoadedSalary.add(hiring).add(usd("28000.00")));
		// 41,538.46 + 10,384.62 + 17,307.69 + 4,129 and 60,000 + 24,000 + 28,000 + 4,129
		assertThat(senior).isEqualTo(usd("73359.77"));
		assertThat(seniorHigh).isEqualTo(usd("116129.00"));
	}

	@Test
	void theTotalAddsEveryRoleAndTheEffectiveWeeklyCostSpreadsItOverTheTimeline() {
		StaffingEstimate hybrid = estimate(CostFixtures.engine(), HYBRID_TWELVE_WEEKS, "HYBRID");

		// lead for 3 weeks: 240,000 x 3/52 = 13,846.15; x 0.25 -> 3,461.54; 240,000 x
		// 1.25 x
		// 4/52 = 23,076.92; 4,129 (high: 19,903.85, 7,961.54, 37,153.85, 4,129)
		assertThat(rangeLine(hybrid, "ARCHITECTURE_LEAD_SALARY").amountUsd())
			.isEqualTo(new UsdRange(usd("13846.15"), usd("19903.85")));
		assertThat(hybrid.fullTime().totalUsd()).isEqualTo(new UsdRange(usd("117873.38"), usd("185277.24")));
		// 117,873.38 / 12 = 9,822.78; 185,277.24 / 12 = 15,439.77
		assertThat(hybrid.fullTime().weeklyUsd()).isEqualTo(new UsdRange(usd("9822.78"), usd("15439.77")));
	}

	@Test
	void theFullTimeAssumptionsAreNamedWithTheirReasons() {
		StaffingEstimate hybrid = estimate(CostFixtures.engine(), HYBRID_TWELVE_WEEKS, "HYBRID");

		assertThat(hybrid.fullTime().assumptions()).extracting(SourcedText::source)
			.containsExactly("assumption:WEEKS_PER_YEAR", "assumption:TIER_SALARY_SCALING",
					"assumption:FULL_TIME_COUNTING", "assumption:ROUNDING", "reference:SBA_LOADED_COST",
					"reference:SHRM_COST_PER_HIRE");
		assertThat(hybrid.fullTime().assumptions())
			.allSatisfy((assumption) -> assertThat(assumption.text()).containsAnyOf(" Reason: ", " Source: "));
	}

	private static BigDecimal sum(StaffingEstimate estimate, String role, boolean low) {
		return estimate.fullTime()
			.lineItems()
			.stream()
			.filter((line) -> line.item().startsWith(role + "_"))
			.map((line) -> low ? line.amountUsd().low() : line.amountUsd().high())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
