package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.List;

import dev.stackplan.contracts.event.LineItem;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.Team;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static dev.stackplan.costing.engine.CostFixtures.estimate;
import static dev.stackplan.costing.engine.CostFixtures.line;
import static dev.stackplan.costing.engine.CostFixtures.request;
import static dev.stackplan.costing.engine.CostFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On-demand prices, computed by hand from the rate card: MID $1,000, SENIOR $1,500, LEAD
 * $2,000 a week (article:50), the 48-hour trial credited as 2 of 5 working days.
 */
class CostEngineOnDemandTests {

	/**
	 * HYBRID, 12 weeks, three features, one in-house mid-level engineer: the in-house
	 * engineer takes the one feature-work seat, so a lead for ceil(12/4) = 3 weeks and a
	 * senior boundary owner for 12 weeks are booked.
	 */
	static final PlanRequest HYBRID_TWELVE_WEEKS = request(List.of(Feature.AUTH, Feature.BILLING, Feature.ML_INFERENCE),
			ExistingFramework.NONE, new Team(1, 0), 12, null);

	@Test
	void oneSeniorForTwelveWeeksIsEighteenThousandBeforeATrialCreditOfTwoFifthsOfAWeek() {
		StaffingEstimate hybrid = estimate(CostFixtures.engine(), HYBRID_TWELVE_WEEKS, "HYBRID");

		assertThat(line(hybrid, "BOUNDARY_OWNER_WEEKS").amountUsd()).isEqualTo(usd("18000.00"));
		// 48 h = two days (article:44) of a five-day week: 1,500 x 2 / 5
		assertThat(line(hybrid, "BOUNDARY_OWNER_TRIAL_CREDIT").amountUsd()).isEqualTo(usd("-600.00"));
		assertThat(line(hybrid, "BOUNDARY_OWNER_WEEKS").source()).isEqualTo("article:50");
		assertThat(line(hybrid, "BOUNDARY_OWNER_TRIAL_CREDIT").source()).isEqualTo("assumption:TRIAL_CREDIT");
	}

	@Test
	void totalIsEveryBookedWeekLessOneTrialCreditPerEngineer() {
		StaffingEstimate hybrid = estimate(CostFixtures.engine(), HYBRID_TWELVE_WEEKS, "HYBRID");

		assertThat(hybrid.onDemand().lineItems()).extracting(LineItem::item, LineItem::amountUsd)
			.containsExactly(Tuple.tuple("ARCHITECTURE_LEAD_WEEKS", usd("6000.00")),
					Tuple.tuple("ARCHITECTURE_LEAD_TRIAL_CREDIT", usd("-800.00")),
					Tuple.tuple("BOUNDARY_OWNER_WEEKS", usd("18000.00")),
					Tuple.tuple("BOUNDARY_OWNER_TRIAL_CREDIT", usd("-600.00")));
		// 6,000 - 800 + 18,000 - 600
		assertThat(hybrid.onDemand().totalUsd()).isEqualTo(usd("22600.00"));
		assertThat(hybrid.onDemand().provider()).isEqualTo("Cadence");
	}

	@Test
	void weeklyBurnIsEveryBookedEngineerAtOnceAndEffectiveWeeklyIsTheTotalOverTheTimeline() {
		StaffingEstimate hybrid = estimate(CostFixtures.engine(), HYBRID_TWELVE_WEEKS, "HYBRID");

		// 2,000 + 1,500
		assertThat(hybrid.onDemand().weeklyUsd()).isEqualTo(usd("3500.00"));
		// 22,600 / 12 = 1,883.333...
		assertThat(hybrid.onDemand().effectiveWeeklyUsd()).isEqualTo(usd("1883.33"));
	}

	@Test
	void aRateOverrideIsPricedAsTheAnalystGaveIt() {
		CostEngine seniorPlusTwentyPercent = CostFixtures
			.engine("{\"onDemand\":{\"tiers\":{\"SENIOR\":{\"weeklyUsd\":1800}}}}");

		StaffingEstimate hybrid = estimate(seniorPlusTwentyPercent, HYBRID_TWELVE_WEEKS, "HYBRID");

		assertThat(line(hybrid, "BOUNDARY_OWNER_WEEKS").amountUsd()).isEqualTo(usd("21600.00"));
		assertThat(line(hybrid, "BOUNDARY_OWNER_TRIAL_CREDIT").amountUsd()).isEqualTo(usd("-720.00"));
		assertThat(hybrid.onDemand().totalUsd()).isEqualTo(usd("26080.00"));
	}

	@Test
	void aTrialCreditThatFallsBetweenCentsIsRoundedOnceHalfEven() {
		// 1,000.01 x 2 / 5 = 400.004 -> 400.00; 1,000.05 x 2 / 5 = 400.02 exactly
		CostEngine oddRates = CostFixtures.engine(
				"{\"onDemand\":{\"tiers\":{\"SENIOR\":{\"weeklyUsd\":\"1000.01\"},\"LEAD\":{\"weeklyUsd\":\"1000.05\"}}}}");

		StaffingEstimate hybrid = estimate(oddRates, HYBRID_TWELVE_WEEKS, "HYBRID");

		assertThat(line(hybrid, "BOUNDARY_OWNER_TRIAL_CREDIT").amountUsd()).isEqualTo(usd("-400.00"));
		assertThat(line(hybrid, "ARCHITECTURE_LEAD_TRIAL_CREDIT").amountUsd()).isEqualTo(usd("-400.02"));
		// 12,000.12 - 400.00 + 3,000.15 - 400.02
		assertThat(hybrid.onDemand().totalUsd()).isEqualTo(usd("14200.25"));
	}

	@Test
	void aTrialCreditOfZeroDaysCreditsNothing() {
		StaffingEstimate hybrid = estimate(
				CostFixtures.engine("{\"onDemand\":{\"trial\":{\"credit\":{\"workingDays\":0}}}}"), HYBRID_TWELVE_WEEKS,
				"HYBRID");

		assertThat(line(hybrid, "BOUNDARY_OWNER_TRIAL_CREDIT").amountUsd()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(hybrid.onDemand().totalUsd()).isEqualTo(usd("24000.00"));
	}

}
