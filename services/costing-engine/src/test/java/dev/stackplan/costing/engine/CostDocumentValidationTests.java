package dev.stackplan.costing.engine;

import java.util.List;
import java.util.stream.Stream;

import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.knowledge.InvalidKnowledgeException;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Team;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.stackplan.costing.engine.CostFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A document the engine cannot compute with fails when the engine is built, naming where.
 */
class CostDocumentValidationTests {

	static Stream<Arguments> invalidOverrides() {
		return Stream.of(
				Arguments.of("a missing tier", "{\"onDemand\":{\"tiers\":{\"LEAD\":null}}}", "/onDemand/tiers"),
				Arguments.of("a negative rate", "{\"onDemand\":{\"tiers\":{\"MID\":{\"weeklyUsd\":-1}}}}",
						"/onDemand/tiers/MID/weeklyUsd"),
				Arguments.of("a rate that is not a number",
						"{\"onDemand\":{\"tiers\":{\"MID\":{\"weeklyUsd\":\"lots\"}}}}",
						"/onDemand/tiers/MID/weeklyUsd"),
				Arguments.of("a salary range upside down",
						"{\"fullTime\":{\"salaries\":{\"MID\":{\"lowUsd\":200000}}}}", "/fullTime/salaries/MID"),
				Arguments.of("a multiplier below one", "{\"fullTime\":{\"loadedMultiplier\":{\"low\":0.9}}}",
						"/fullTime/loadedMultiplier/low"),
				Arguments.of("a trial longer than a week",
						"{\"onDemand\":{\"trial\":{\"credit\":{\"workingDays\":6}}}}",
						"/onDemand/trial/credit/workingDays"),
				Arguments.of("an undeclared assumption",
						"{\"onDemand\":{\"tiers\":{\"MID\":{\"source\":\"assumption:NOPE\"}}}}",
						"/onDemand/tiers/MID/source"),
				Arguments.of("a malformed article line",
						"{\"fullTime\":{\"onboardingWeeks\":{\"source\":\"article:x\"}}}",
						"/fullTime/onboardingWeeks/source"),
				Arguments.of("a share above the delivery",
						"{\"staffing\":{\"DJANGO\":{\"roles\":{\"ARCHITECTURE_LEAD\":{\"sizing\":{\"timelineShare\":1.5}}}}}}",
						"/staffing/DJANGO/roles/ARCHITECTURE_LEAD/sizing/timelineShare"),
				Arguments.of("a lead phase capped at no week",
						"{\"staffing\":{\"DJANGO\":{\"roles\":{\"ARCHITECTURE_LEAD\":{\"sizing\":{\"maxWeeks\":0}}}}}}",
						"/staffing/DJANGO/roles/ARCHITECTURE_LEAD/sizing/maxWeeks"),
				Arguments.of("feature work without a cycle",
						"{\"staffing\":{\"DJANGO\":{\"roles\":{\"FEATURE_WORK\":{\"sizing\":{\"cycleWeeks\":0}}}}}}",
						"/staffing/DJANGO/roles/FEATURE_WORK/sizing/cycleWeeks"),
				Arguments.of("no hands per feature",
						"{\"staffing\":{\"DJANGO\":{\"roles\":{\"FEATURE_WORK\":{\"sizing\":{\"maxEngineersPerFeature\":0}}}}}}",
						"/staffing/DJANGO/roles/FEATURE_WORK/sizing/maxEngineersPerFeature"),
				Arguments.of("extra migration weeks for an unknown feature",
						"{\"staffing\":{\"FASTAPI\":{\"roles\":{\"MIGRATION_FROM_DJANGO\":{\"sizing\":{\"extraWeeksIfFeature\":{\"feature\":\"CHAT\"}}}}}}}",
						"/staffing/FASTAPI/roles/MIGRATION_FROM_DJANGO/sizing/extraWeeksIfFeature/feature"),
				Arguments.of("an agency fee above the salary", "{\"fullTime\":{\"agencyFee\":{\"highShare\":1.5}}}",
						"/fullTime/agencyFee/highShare"),
				Arguments.of("an option with no one booked for an existing Django app",
						"{\"staffing\":{\"DJANGO\":{\"roles\":{\"SENIOR_REVIEW\":null}}}}", "/staffing/DJANGO/roles"),
				Arguments.of("an unknown sizing",
						"{\"staffing\":{\"DJANGO\":{\"roles\":{\"FEATURE_WORK\":{\"sizing\":{\"kind\":\"VIBES\"}}}}}}",
						"/staffing/DJANGO/roles/FEATURE_WORK/sizing/kind"),
				Arguments.of("an unknown tier",
						"{\"staffing\":{\"HYBRID\":{\"roles\":{\"BOUNDARY_OWNER\":{\"tier\":\"JUNIOR\"}}}}}",
						"/staffing/HYBRID/roles/BOUNDARY_OWNER/tier"),
				Arguments.of("zero engineers",
						"{\"staffing\":{\"HYBRID\":{\"roles\":{\"BOUNDARY_OWNER\":{\"sizing\":{\"count\":0}}}}}}",
						"/staffing/HYBRID/roles/BOUNDARY_OWNER/sizing/count"),
				Arguments.of("an option that could book nobody",
						"{\"staffing\":{\"HYBRID\":{\"roles\":{\"ARCHITECTURE_LEAD\":null}}}}",
						"/staffing/HYBRID/roles"),
				Arguments.of("a hybrid minimum topped up by a mid as its senior",
						"{\"staffing\":{\"HYBRID\":{\"minimumTeam\":{\"seniorTier\":\"MID\"}}}}",
						"/staffing/HYBRID/minimumTeam/seniorTier"),
				Arguments.of("an engine rule left undeclared", "{\"assumptions\":{\"ROUNDING\":null}}",
						"assumption:ROUNDING"),
				Arguments.of("an assumption without a reason",
						"{\"assumptions\":{\"TRIAL_CREDIT\":{\"reason\":\" \"}}}", "/assumptions/TRIAL_CREDIT/reason"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidOverrides")
	void anInvalidDocumentFailsWhenTheEngineIsBuilt(String problem, String override, String where) {
		assertThatExceptionOfType(InvalidKnowledgeException.class).isThrownBy(() -> CostFixtures.engine(override))
			.withMessageStartingWith("Invalid cost document at")
			.withMessageContaining(where);
	}

	@Test
	void moneyMayBeADecimalStringAsWellAsANumber() {
		StaffingEstimate asString = CostFixtures
			.engine("{\"onDemand\":{\"tiers\":{\"SENIOR\":{\"weeklyUsd\":\"1800.00\"}}}}")
			.estimate(request(List.of(), ExistingFramework.NONE, new Team(0, 0), 8, null), List.of("HYBRID"))
			.get(0);
		StaffingEstimate asNumber = CostFixtures.engine("{\"onDemand\":{\"tiers\":{\"SENIOR\":{\"weeklyUsd\":1800}}}}")
			.estimate(request(List.of(), ExistingFramework.NONE, new Team(0, 0), 8, null), List.of("HYBRID"))
			.get(0);

		assertThat(asString).isEqualTo(asNumber);
	}

	@Test
	void theShippedDocumentIsValid() {
		assertThat(CostFixtures.engine()).isNotNull();
	}

}
