package dev.stackplan.costing.engine;

import java.util.List;

import dev.stackplan.contracts.event.CostComparison;
import dev.stackplan.contracts.event.FullTimeStatus;
import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.Team;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.stackplan.costing.engine.CostEngineOnDemandTests.HYBRID_TWELVE_WEEKS;
import static dev.stackplan.costing.engine.CostFixtures.estimate;
import static dev.stackplan.costing.engine.CostFixtures.request;
import static dev.stackplan.costing.engine.CostFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full-time baseline is only a baseline where a hire could work on the plan in time,
 * and every saving comes with what it must be read with.
 */
class CostEngineFullTimeBaselineTests {

	private static final CostEngine ENGINE = CostFixtures.engine();

	/** A hire commits after 42 days to fill plus 4 onboarding weeks: 10 weeks. */
	@ParameterizedTest(name = "{0}-week timeline: {1}")
	@CsvSource({ "1, FIRST_COMMIT_PAST_TIMELINE", "9, FIRST_COMMIT_PAST_TIMELINE", "10, CAN_START_IN_TIME",
			"52, CAN_START_IN_TIME" })
	void fullTimeIsMarkedAsUnableToStartWhenItsFirstCommitIsPastTheTimeline(int timeline, FullTimeStatus status) {
		StaffingEstimate tool = estimate(ENGINE,
				request(List.of(Feature.ADMIN_PANEL), ExistingFramework.NONE, new Team(0, 0), timeline, null),
				"DJANGO");

		assertThat(tool.fullTime().status()).isEqualTo(status);
		assertThat(tool.comparison().caveats()).extracting(SourcedText::source)
			.matches((sources) -> sources.contains(
					"assumption:FULL_TIME_CANNOT_START_IN_TIME") == (status == FullTimeStatus.FIRST_COMMIT_PAST_TIMELINE));
	}

	@Test
	void aOneWeekToolsSavingSaysFullTimeCannotDeliverItAndHowMuchIsStartingCosts() {
		StaffingEstimate tool = estimate(ENGINE,
				request(List.of(Feature.ADMIN_PANEL), ExistingFramework.NONE, new Team(0, 0), 1, null), "DJANGO");

		assertThat(tool.comparison().caveats()).extracting(SourcedText::text)
			.anySatisfy((text) -> assertThat(text).startsWith(
					"A full-time hire's first commit comes after 10 weeks (time to fill plus onboarding), past the"
							+ " 1-week timeline"))
			.anySatisfy((text) -> assertThat(text).startsWith("Full-time pays every hire for at least 26 weeks"))
			.anySatisfy((text) -> assertThat(text).startsWith("Onboarding and hiring are $"))
			.anySatisfy((text) -> assertThat(text).startsWith("The on-demand figures are the vendor's own claims"));
		assertThat(tool.assumptions()).extracting(SourcedText::source)
			.contains("assumption:FULL_TIME_CANNOT_START_IN_TIME", "assumption:MINIMUM_TENURE",
					"assumption:AGENCY_FEE");
	}

	@Test
	void withTheShippedRatesTheBreakEvenIsNullAndTheParityMultipleSaysHowFarOffItIs() {
		CostComparison comparison = estimate(ENGINE, HYBRID_TWELVE_WEEKS, "HYBRID").comparison();

		assertThat(comparison.breakEvenWeeks()).isNull();
		// 311,142.61 / 22,600 = 13.767...
		assertThat(comparison.parityRateMultiple()).isEqualTo(usd("13.77"));
		assertThat(comparison.caveats()).extracting(SourcedText::text)
			.contains("Full-time never becomes cheaper at these rates: every on-demand rate would have to be 13.77x"
					+ " higher for this plan to cost what the low full-time estimate does.");
	}

	@Test
	void theInHouseTeamsOwnCostIsACaveatOfTheSaving() {
		CostComparison comparison = estimate(ENGINE, HYBRID_TWELVE_WEEKS, "HYBRID").comparison();

		assertThat(comparison.caveats())
			.contains(new SourcedText("The in-house team's own time in the plan's seats (12 engineer-weeks,"
					+ " $34,615.38-$56,538.46 loaded) is in neither total.", "assumption:IN_HOUSE_COST"));
	}

}
