package dev.stackplan.scoring.engine;

import dev.stackplan.contracts.event.FactorScore;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.ProductKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static dev.stackplan.scoring.engine.Plans.KNOWLEDGE;
import static dev.stackplan.scoring.engine.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an analyst may change in a what-if scenario is reachable by a JSON merge patch.
 */
class ScoringEngineOverridesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aFactorScoreOfOneOptionCanBeOverridden() {
		ScoringEngine engine = withOverrides(
				"{\"frameworks\":{\"factors\":{\"HIRING_POOL\":{\"scores\":{\"FASTAPI\":90}}}}}");

		StackAssessment assessment = engine.assess(plan(ProductKind.SAAS, "AUTH", 50, "2/1", ExistingFramework.NONE));

		assertThat(factor(assessment, "FASTAPI", "HIRING_POOL").score()).isEqualByComparingTo("90");
		assertThat(factor(assessment, "DJANGO", "HIRING_POOL").score()).isEqualByComparingTo("100");
	}

	@Test
	void theHundredRpsLineCanBeMoved() {
		String below100 = "THROUGHPUT_INVISIBLE_AT_STARTUP_SCALE";
		ScoringEngine engine = withOverrides(
				"{\"frameworks\":{\"rules\":{\"" + below100 + "\":{\"when\":{\"expectedRps\":{\"below\":500}}}}}}");

		StackAssessment assessment = engine.assess(plan(ProductKind.SAAS, "AUTH", 300, "2/1", ExistingFramework.NONE));

		assertThat(factor(assessment, "DJANGO", "THROUGHPUT").weightReasons())
			.anySatisfy((reason) -> assertThat(reason.source()).isEqualTo("inference:46"));
	}

	@Test
	void theHybridsEligibilityThresholdCanBeMoved() {
		ScoringEngine engine = withOverrides(
				"{\"frameworks\":{\"rules\":{\"HYBRID_NOT_WITH_ONE_ENGINEER\":{\"when\":{\"engineers\":{\"below\":4}}}}}}");

		StackAssessment assessment = engine
			.assess(plan(ProductKind.SAAS, "AUTH ML_INFERENCE", 300, "3/1", ExistingFramework.NONE));

		assertThat(ScoringEngineRulesTests.option(assessment, "HYBRID").eligible()).isFalse();
	}

	@Test
	void aBaseWeightAndAModifierCanBeOverridden() {
		ScoringEngine engine = withOverrides("{\"frameworks\":{\"factors\":{\"FOOTPRINT\":{\"weight\":0}},"
				+ "\"weightModifiers\":{\"AUTH_NEEDS_THE_AUTH_BATTERY\":{\"multiply\":{\"AUTH\":1}}}}}");

		StackAssessment assessment = engine.assess(plan(ProductKind.SAAS, "AUTH", 50, "2/1", ExistingFramework.NONE));

		assertThat(factor(assessment, "DJANGO", "FOOTPRINT").weight()).isEqualByComparingTo("0");
		assertThat(factor(assessment, "DJANGO", "AUTH").weightReasons())
			.anySatisfy((reason) -> assertThat(reason.text()).endsWith("Weight x1."));
	}

	private static ScoringEngine withOverrides(String mergePatch) {
		return ScoringEngine.fromKnowledge(KNOWLEDGE.withOverrides(JSON.readTree(mergePatch)));
	}

	private static FactorScore factor(StackAssessment assessment, String option, String factor) {
		return ScoringEngineRulesTests.option(assessment, option)
			.factors()
			.stream()
			.filter((score) -> score.factor().equals(factor))
			.findFirst()
			.orElseThrow();
	}

}
