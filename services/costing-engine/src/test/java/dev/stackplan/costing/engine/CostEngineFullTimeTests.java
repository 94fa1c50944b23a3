package dev.stackplan.costing.engine;

import java.math.BigDecimal;

import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.event.UsdRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
	void aFullTimeSeniorForATwelveWeekRoleIsPaidTheMinimumTenurePlusOnboardingPlusItsHiringCost() {
		StaffingEstimate hybrid = estimate(CostFixtures.engine(), HYBRID_TWELVE_WEEKS, "HYBRID");

		// the role is 12 weeks, a hire is paid at least 26: 180,000 x 26 / 52 = 90,000;
		// 260,000 x 26 / 52 = 130,000
		assertThat(rangeLine(hybrid, "BOUNDARY_OWNER_SALARY").amountUsd())
			.isEqualTo(new UsdRange(usd("90000.00"), usd("130000.00")));
		assertThat(rangeLine(hybrid, "BOUNDARY_OWNER_SALARY").label())
			.contains("the role is 12 weeks; a hire is paid at least 26 weeks, assumption:MINIMUM_TENURE");
		// 90,000 x 0.25; 130,000 x 0.40
		assertThat(rangeLine(hybrid, "BOUNDARY_OWNER_EMPLOYER_COSTS").amountUsd())
			.isEqualTo(new UsdRange(usd("22500.00"), usd("52000.00")));
		// 180,000 x 1.25 x 4 / 52 = 17,307.692...; 260,000 x 1.40 x 4 / 52 = 28,000
		assertThat(rangeLine(hybrid, "BOUNDARY_OWNER_ONBOARDING").amountUsd())
			.isEqualTo(new UsdRange(usd("17307.69"), usd("28000.00")));
	}

	/**
	 * Hiring is role-specific: $4,129 in-house per hire (SHRM, all jobs) at the low end,
	 * an agency's 25% of the tier's high first-year base at the high end.
	 */
	@ParameterizedTest(name = "{0}: {1}-{2}")
	@CsvSource({ "MID, 4129.00, 43750.00", "SENIOR, 4129.00, 65000.00", "LEAD, 4129.00, 86250.00" })
	void hiringCostsTheInHouseCostPerHireToAnAgencyFeeOnTheTiersSalary(String tier, BigDecimal low, BigDecimal high) {
		// the boundary owner is booked at the tier tried; one in-house engineer takes the
		// feature seat
		StaffingEstimate hybrid = estimate(
				CostFixtures
					.engine("{\"staffing\":{\"HYBRID\":{\"roles\":{\"BOUNDARY_OWNER\":{\"tier\":\"" + tier + "\"}}}}}"),
				HYBRID_TWELVE_WEEKS, "HYBRID");

		assertThat(rangeLine(hybrid, "BOUNDARY_OWNER_RECRUITING").amountUsd()).isEqualTo(new UsdRange(low, high));
		assertThat(rangeLine(hybrid, "BOUNDARY_OWNER_RECRUITING").label()).contains("15%-25% of first-year base")
			.contains("assumption:AGENCY_FEE");
	}

	@Test
	void theTotalAddsEveryRoleAndTheEffectiveWeeklyCostSpreadsItOverThePlannedWeeks() {
		StaffingEstimate hybrid = estimate(CostFixtures.engine(), HYBRID_TWELVE_WEEKS, "HYBRID");

		// senior: 90,000 + 22,500 + 17,307.69 + 4,129 and 130,000 + 52,000 + 28,000 +
		// 65,000; lead (3 weeks, paid 26): 120,000 + 30,000 + 23,076.92 + 4,129 and
		// 172,500 + 69,000 + 37,153.85 + 86,250
		assertThat(hybrid.fullTime().totalUsd()).isEqualTo(new UsdRange(usd("311142.61"), usd("639903.85")));
		// over the 12 planned weeks
		assertThat(hybrid.fullTime().weeklyUsd()).isEqualTo(new UsdRange(usd("25928.55"), usd("53325.32")));
	}

	@Test
	void theFullTimeAssumptionsAreNamedWithTheirReasons() {
		StaffingEstimate hybrid = estimate(CostFixtures.engine(), HYBRID_TWELVE_WEEKS, "HYBRID");

		assertThat(hybrid.fullTime().assumptions()).extracting(SourcedText::source)
			.containsExactly("assumption:WEEKS_PER_YEAR", "assumption:TIER_SALARY_SCALING",
					"assumption:FULL_TIME_COUNTING", "assumption:ROUNDING", "assumption:AGENCY_FEE",
					"assumption:MINIMUM_TENURE", "reference:SBA_LOADED_COST", "reference:SHRM_COST_PER_HIRE");
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
