package dev.stackplan.scoring.engine;

import java.math.BigDecimal;
import java.util.List;

import dev.stackplan.contracts.event.Advice;
import dev.stackplan.contracts.event.OptionAssessment;
import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.ProductKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.stackplan.scoring.engine.Plans.FRAMEWORKS;
import static dev.stackplan.scoring.engine.Plans.plan;
import static dev.stackplan.scoring.engine.Plans.summary;
import static org.assertj.core.api.Assertions.assertThat;

/** One row per rule of the article, each naming the line it checks. */
class ScoringEngineRulesTests {

	@ParameterizedTest(name = "{0}: {1} -> {7}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# line     | profile                                                  | kind          | features                               | rps  | team | existing | recommended
					article:2  | a SaaS with users, billing and an admin panel            | SAAS          | AUTH BILLING ADMIN_PANEL               | 300  | 4/1  | NONE     | DJANGO
					article:2  | a microservice that does one thing fast                  | MICROSERVICE  | -                                      | 800  | 3/1  | NONE     | FASTAPI
					article:32 | a seed-stage SaaS with billing and an admin panel        | SAAS          | BILLING ADMIN_PANEL                    | 10   | 2/1  | NONE     | DJANGO
					article:32 | a seed-stage marketplace with auth and billing           | MARKETPLACE   | AUTH BILLING                           | 10   | 1/0  | NONE     | DJANGO
					article:34 | a SaaS expecting a few hundred RPS is not yet at scale   | SAAS          | AUTH BILLING                           | 600  | 5/2  | NONE     | DJANGO
					article:46 | an inference endpoint at 2,000 RPS                       | ML_INFERENCE  | ML_INFERENCE                           | 2000 | 2/1  | NONE     | FASTAPI
					article:49 | an inference endpoint starts on FastAPI even at launch   | ML_INFERENCE  | ML_INFERENCE                           | 20   | 3/1  | NONE     | FASTAPI
					article:5  | a public API at high RPS                                 | PUBLIC_API    | -                                      | 5000 | 4/2  | NONE     | FASTAPI
					article:6  | an async fan-out microservice                            | MICROSERVICE  | ASYNC_FANOUT                           | 500  | 3/1  | NONE     | FASTAPI
					article:29 | an internal tool                                         | INTERNAL_TOOL | AUTH ADMIN_PANEL                       | 5    | 1/0  | NONE     | DJANGO
					article:29 | a CMS                                                    | CMS           | CMS ADMIN_PANEL                        | 50   | 2/0  | NONE     | DJANGO
					article:35 | a product with an inference layer, three incl. a senior  | SAAS          | AUTH BILLING ADMIN_PANEL ML_INFERENCE  | 300  | 3/1  | NONE     | HYBRID
					article:35 | a product with a streaming-LLM proxy, two incl. a senior | SAAS          | AUTH BILLING STREAMING                 | 200  | 2/1  | NONE     | HYBRID
					article:36 | the same product and inference with one engineer         | SAAS          | AUTH BILLING ADMIN_PANEL ML_INFERENCE  | 300  | 1/1  | NONE     | DJANGO
					article:36 | the same product and inference with no senior, one booked | SAAS         | AUTH BILLING ADMIN_PANEL ML_INFERENCE  | 300  | 3/0  | NONE     | HYBRID
					article:42 | an existing FastAPI app bolting on the batteries         | SAAS          | AUTH BILLING ADMIN_PANEL CMS           | 50   | 2/1  | FASTAPI  | DJANGO
					""")
	void recommendsWhatTheArticleSays(String line, String profile, ProductKind kind, String features, int rps,
			String team, ExistingFramework existing, String recommended) {
		StackAssessment assessment = FRAMEWORKS.assess(plan(kind, features, rps, team, existing));

		assertThat(assessment.recommendation()).as("%s (%s): %s", profile, line, summary(assessment))
			.isEqualTo(recommended);
	}

	@ParameterizedTest(name = "{0}: team {1} -> hybrid eligible {2}, on a condition {3}")
	@CsvSource(delimiter = '|', textBlock = """
			# line       | team | eligible | conditional | reason
			article:36   | 3/1  | true     | false       | -
			article:36   | 2/1  | true     | false       | -
			article:36   | 2/2  | true     | false       | -
			article:36   | 1/1  | false    | false       | if you have one engineer
			article:36   | 1/0  | false    | false       | if you have one engineer
			inference:36 | 4/0  | true     | true        | if you book a senior boundary owner
			inference:36 | 2/0  | true     | true        | if you book a senior boundary owner
			article:36   | 0/0  | false    | false       | if you have one engineer
			""")
	void hybridNeedsTwoEngineersAndASeniorAtTheBoundaryInHouseOrBooked(String line, String team, boolean eligible,
			boolean conditional, String reason) {
		OptionAssessment hybrid = option(
				FRAMEWORKS
					.assess(plan(ProductKind.SAAS, "AUTH BILLING ML_INFERENCE", 300, team, ExistingFramework.NONE)),
				"HYBRID");

		assertThat(hybrid.eligible()).isEqualTo(eligible);
		if (eligible) {
			assertThat(hybrid.ineligibility()).isNull();
		}
		else {
			assertThat(hybrid.ineligibility()).isNotNull();
			assertThat(hybrid.ineligibility().source()).isEqualTo(line);
			assertThat(hybrid.ineligibility().text()).containsIgnoringCase(reason);
		}
		if (conditional) {
			assertThat(hybrid.condition()).isNotNull();
			assertThat(hybrid.condition().source()).isEqualTo(line);
			assertThat(hybrid.condition().text()).containsIgnoringCase(reason);
			assertThat(hybrid.condition().bookedRole()).isEqualTo("BOUNDARY_OWNER");
		}
		else {
			assertThat(hybrid.condition()).as("a one-engineer team is not offered the hybrid on any condition")
				.isNull();
		}
	}

	@ParameterizedTest(name = "{0}: {1} -> {6}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# line     | profile                                           | kind       | features                     | team | existing | advice
					article:42 | FastAPI app bolting on auth, billing, admin, CMS  | SAAS       | AUTH BILLING ADMIN_PANEL CMS | 2/1  | FASTAPI  | MIGRATE_TO_DJANGO SECOND_OPINION
					article:42 | FastAPI app bolting on three of the four          | SAAS       | AUTH BILLING ADMIN_PANEL     | 2/1  | FASTAPI  | MIGRATE_TO_DJANGO SECOND_OPINION
					article:42 | FastAPI app that only adds auth                   | SAAS       | AUTH                         | 2/1  | FASTAPI  | KEEP_YOUR_FRAMEWORK SECOND_OPINION
					article:42 | a new product with all four batteries             | SAAS       | AUTH BILLING ADMIN_PANEL CMS | 2/1  | NONE     | -
					article:44 | a Django app mid-build                            | SAAS       | AUTH                         | 2/1  | DJANGO   | KEEP_YOUR_FRAMEWORK SECOND_OPINION
					article:48 | a public API that Django wins for its batteries   | PUBLIC_API | AUTH BILLING ADMIN_PANEL CMS | 2/1  | NONE     | DJANGO_NINJA
					article:48 | a public API that FastAPI wins                    | PUBLIC_API | -                            | 2/1  | NONE     | -
					""")
	void advisesBesideTheRanking(String line, String profile, ProductKind kind, String features, String team,
			ExistingFramework existing, String advice) {
		StackAssessment assessment = FRAMEWORKS.assess(plan(kind, features, 20, team, existing));

		List<String> expected = advice.equals("-") ? List.of() : List.of(advice.split(" "));
		assertThat(assessment.advice()).as("%s (%s): %s", profile, line, summary(assessment))
			.extracting(Advice::kind)
			.containsExactlyElementsOf(expected);
	}

	@Test
	void migratingABoltedOnFastApiAppToDjangoIsOneEngineerForAQuarter() {
		StackAssessment assessment = FRAMEWORKS
			.assess(plan(ProductKind.SAAS, "AUTH BILLING ADMIN_PANEL CMS", 50, "2/1", ExistingFramework.FASTAPI));

		Advice migrate = advice(assessment, "MIGRATE_TO_DJANGO");
		assertThat(migrate.source()).isEqualTo("article:42");
		assertThat(migrate.effortEngineerWeeks()).isEqualByComparingTo("13");
		assertThat(migrate.effortSource()).isEqualTo("assumption:QUARTER_IS_13_ENGINEER_WEEKS");
		assertThat(migrate.text()).contains("a quarter of work").doesNotContain("more if the admin");
	}

	@Test
	void aSecondOpinionIsTwoDaysWithASenior() {
		Advice secondOpinion = advice(
				FRAMEWORKS.assess(plan(ProductKind.SAAS, "AUTH", 50, "2/1", ExistingFramework.DJANGO)),
				"SECOND_OPINION");

		assertThat(secondOpinion.source()).isEqualTo("article:44");
		assertThat(secondOpinion.effortEngineerWeeks()).isEqualByComparingTo("0.4");
		assertThat(secondOpinion.effortSource()).isEqualTo("assumption:TWO_DAYS_IN_ENGINEER_WEEKS");
	}

	@Test
	void aSeedStageSaasNamesTheLinesThatMadeItDjango() {
		StackAssessment assessment = FRAMEWORKS
			.assess(plan(ProductKind.SAAS, "BILLING ADMIN_PANEL", 10, "2/1", ExistingFramework.NONE));

		assertThat(assessment.rationale()).extracting(SourcedText::source)
			.contains("article:2", "article:32", "inference:46", "article:34");
		assertThat(assessment.rationale()).extracting(SourcedText::text)
			.anySatisfy((text) -> assertThat(text).startsWith("Best fit: Django"));
	}

	@Test
	void aHybridThatWouldWinButHasOneEngineerSaysSoInTheRationale() {
		StackAssessment assessment = FRAMEWORKS.assess(
				plan(ProductKind.SAAS, "AUTH BILLING ADMIN_PANEL ML_INFERENCE", 300, "1/1", ExistingFramework.NONE));

		assertThat(assessment.options()).extracting(OptionAssessment::option).last().isEqualTo("HYBRID");
		assertThat(assessment.rationale()).filteredOn((line) -> line.source().equals("article:36"))
			.singleElement()
			.satisfies((line) -> assertThat(line.text()).startsWith("Django + FastAPI would score"));
	}

	@Test
	void throughputBarelyWeighsForASaasUnderAHundredRpsAndLeadsForAPublicApiAtScale() {
		BigDecimal atLaunch = weight(FRAMEWORKS.assess(plan(ProductKind.SAAS, "-", 10, "3/1", ExistingFramework.NONE)),
				"THROUGHPUT");
		BigDecimal atScale = weight(
				FRAMEWORKS.assess(plan(ProductKind.PUBLIC_API, "-", 5000, "3/1", ExistingFramework.NONE)),
				"THROUGHPUT");

		assertThat(atLaunch).isLessThan(new BigDecimal("0.02"));
		StackAssessment scaled = FRAMEWORKS
			.assess(plan(ProductKind.PUBLIC_API, "-", 5000, "3/1", ExistingFramework.NONE));
		assertThat(atScale).isEqualTo(scaled.options()
			.get(0)
			.factors()
			.stream()
			.map((factor) -> factor.weight())
			.max(BigDecimal::compareTo)
			.orElseThrow());
	}

	@Test
	void theHybridPaysForTwoDeployTargetsAndTwoSetsOfConventions() {
		OptionAssessment hybrid = option(
				FRAMEWORKS.assess(plan(ProductKind.SAAS, "AUTH", 50, "3/1", ExistingFramework.NONE)), "HYBRID");

		assertThat(hybrid.factors()).filteredOn((factor) -> factor.factor().equals("DEPLOY_AND_CONVENTIONS"))
			.singleElement()
			.satisfies((factor) -> {
				assertThat(factor.score()).isLessThan(new BigDecimal("50"));
				assertThat(factor.source()).isEqualTo("article:36");
				assertThat(factor.evidence()).contains("Two deploy targets and two sets of conventions");
			});
	}

	static OptionAssessment option(StackAssessment assessment, String option) {
		return assessment.options()
			.stream()
			.filter((candidate) -> candidate.option().equals(option))
			.findFirst()
			.orElseThrow();
	}

	private static Advice advice(StackAssessment assessment, String kind) {
		return assessment.advice().stream().filter((advice) -> advice.kind().equals(kind)).findFirst().orElseThrow();
	}

	private static BigDecimal weight(StackAssessment assessment, String factor) {
		return assessment.options()
			.get(0)
			.factors()
			.stream()
			.filter((score) -> score.factor().equals(factor))
			.findFirst()
			.orElseThrow()
			.weight();
	}

}
