package dev.stackplan.scoring.engine;

import java.io.IOException;
import java.io.InputStream;

import dev.stackplan.contracts.event.Advice;
import dev.stackplan.contracts.event.OptionAssessment;
import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.ProductKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static dev.stackplan.scoring.engine.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second decision pack, test-only and made up, runs through the same engine with no
 * code.
 */
class SecondDecisionPackTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static JsonNode testPack() throws IOException {
		try (InputStream in = SecondDecisionPackTests.class
			.getResourceAsStream("/packs/vercel-vs-aws-test-pack.json")) {
			return JSON.readTree(in);
		}
	}

	@Test
	void listsThePacksOwnOptionsInPackOrder() throws IOException {
		assertThat(ScoringEngine.fromPack(testPack()).optionIds()).containsExactly("VERCEL", "AWS",
				"AWS_WITH_PLATFORM_TEAM");
	}

	@Test
	void aSmallSaasGoesForTheToolThatGetsItToRevenue() throws IOException {
		StackAssessment assessment = ScoringEngine.fromPack(testPack())
			.assess(plan(ProductKind.SAAS, "AUTH", 20, "2/1", ExistingFramework.NONE));

		assertThat(assessment.pack()).isEqualTo("vercel-vs-aws-test-pack");
		assertThat(assessment.recommendation()).isEqualTo("VERCEL");
		assertThat(assessment.rationale()).extracting(SourcedText::source).contains("article:34");
		assertThat(assessment.advice()).isEmpty();
		assertThat(ScoringEngineRulesTests.option(assessment, "AWS_WITH_PLATFORM_TEAM").ineligibility())
			.isEqualTo(new SourcedText("Test rule: a platform team needs at least five engineers.",
					"assumption:TEST_ONLY_FIGURES"));
	}

	@Test
	void heavyLoadWithABigTeamGoesToAPlatformTeamAndGetsThePacksAdvice() throws IOException {
		StackAssessment assessment = ScoringEngine.fromPack(testPack())
			.assess(plan(ProductKind.PUBLIC_API, "-", 20_000, "8/3", ExistingFramework.NONE));

		assertThat(assessment.recommendation()).isEqualTo("AWS_WITH_PLATFORM_TEAM");
		assertThat(assessment.options()).allMatch(OptionAssessment::eligible);
		assertThat(assessment.advice()).extracting(Advice::kind).containsExactly("TEST_REVISIT_AT_SCALE");
	}

	@Test
	void aTieGoesToTheOptionThePackListsFirst() throws IOException {
		ObjectNode pack = (ObjectNode) testPack();
		for (JsonNode factor : pack.get("factors").values()) {
			ObjectNode scores = (ObjectNode) factor.get("scores");
			scores.put("VERCEL", 50).put("AWS", 50).put("AWS_WITH_PLATFORM_TEAM", 50);
		}

		StackAssessment assessment = ScoringEngine.fromPack(pack)
			.assess(plan(ProductKind.PUBLIC_API, "-", 20_000, "8/3", ExistingFramework.NONE));

		assertThat(assessment.options()).extracting(OptionAssessment::option)
			.containsExactly("VERCEL", "AWS", "AWS_WITH_PLATFORM_TEAM");
		assertThat(assessment.recommendation()).isEqualTo("VERCEL");
	}

}
