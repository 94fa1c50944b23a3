package dev.stackplan.scoring.engine;

import dev.stackplan.contracts.event.Advice;
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

/**
 * An existing codebase is a scored factor: staying has a value, leaving a cost that
 * differs by direction (article:47), a migration is advised only when the pick leaves the
 * existing framework, and keeping it is an answer (article:34).
 */
class SwitchingCostTests {

	@ParameterizedTest(name = "{0} -> {6} ({7})")
	@CsvSource(delimiter = '|',
			textBlock = """
					# profile                                          | kind       | features                     | rps  | team | existing | pick    | advice
					a FastAPI SaaS with two batteries stays            | SAAS       | AUTH BILLING                 | 50   | 2/1  | FASTAPI  | FASTAPI | KEEP_YOUR_FRAMEWORK
					a FastAPI SaaS bolting on every battery moves      | SAAS       | AUTH BILLING ADMIN_PANEL CMS | 50   | 2/1  | FASTAPI  | DJANGO  | MIGRATE_TO_DJANGO
					a working Django API at 5,000 RPS keeps Django     | PUBLIC_API | AUTH                         | 5000 | 3/1  | DJANGO   | DJANGO  | KEEP_YOUR_FRAMEWORK
					a Django SaaS stays                                | SAAS       | AUTH BILLING ADMIN_PANEL     | 50   | 2/1  | DJANGO   | DJANGO  | KEEP_YOUR_FRAMEWORK
					a new SaaS is unaffected                           | SAAS       | AUTH BILLING                 | 50   | 2/1  | NONE     | DJANGO  | -
					a new public API is unaffected                     | PUBLIC_API | -                            | 5000 | 3/1  | NONE     | FASTAPI | -
					a Django SaaS past DRF keeps Django, fixes it      | SAAS       | AUTH BILLING ADMIN_PANEL     | 20000| 2/0  | DJANGO   | DJANGO  | FIX_THE_BOTTLENECK
					a one-engineer Django API past DRF fixes it        | PUBLIC_API | -                            | 8000 | 1/0  | DJANGO   | DJANGO  | FIX_THE_BOTTLENECK
					a Django API past DRF adds FastAPI beside it       | PUBLIC_API | AUTH                         | 8000 | 3/1  | DJANGO   | HYBRID  | KEEP_YOUR_FRAMEWORK
					""")
	void theExistingCodebaseIsWeighed(String profile, ProductKind kind, String features, int rps, String team,
			ExistingFramework existing, String pick, String advice) {
		StackAssessment assessment = FRAMEWORKS.assess(plan(kind, features, rps, team, existing));

		assertThat(assessment.recommendation()).as("%s: %s", profile, summary(assessment)).isEqualTo(pick);
		if (!advice.equals("-")) {
			assertThat(assessment.advice()).extracting(Advice::kind).as(profile).contains(advice);
		}
		assertThat(assessment.advice()).extracting(Advice::kind)
			.as("a migration is advised only when the pick leaves the existing framework")
			.filteredOn((kind2) -> kind2.startsWith("MIGRATE_TO_"))
			.allMatch((kind2) -> kind2.equals("MIGRATE_TO_" + pick) && existing != ExistingFramework.valueOf(pick));
	}

	@Test
	void keepingDjangoPastDrfIsOneAnswerNotThreeRepeatingEachOther() {
		StackAssessment assessment = FRAMEWORKS
			.assess(plan(ProductKind.SAAS, "AUTH BILLING ADMIN_PANEL", 20000, "2/0", ExistingFramework.DJANGO));

		assertThat(assessment.advice()).extracting(Advice::kind)
			.containsExactly("FIX_THE_BOTTLENECK", "SECOND_OPINION");
		Advice fix = assessment.advice().get(0);
		assertThat(fix.text()).startsWith("Keep your framework and fix the bottleneck").contains("no migration");
		assertThat(fix.source()).isEqualTo("inference:14-34");
		assertThat(fix.effortEngineerWeeks()).as("no migration is booked").isNull();
	}

	@Test
	void leavingFastApiCostsLessThanLeavingDjango() {
		StackAssessment fromFastApi = FRAMEWORKS
			.assess(plan(ProductKind.SAAS, "AUTH", 50, "2/1", ExistingFramework.FASTAPI));
		StackAssessment fromDjango = FRAMEWORKS
			.assess(plan(ProductKind.SAAS, "AUTH", 50, "2/1", ExistingFramework.DJANGO));

		assertThat(ScoringEngineRulesTests.option(fromFastApi, "DJANGO")
			.factors()
			.stream()
			.filter((factor) -> factor.factor().equals("CODEBASE"))
			.findFirst()
			.orElseThrow()
			.score())
			.isGreaterThan(ScoringEngineRulesTests.option(fromDjango, "FASTAPI")
				.factors()
				.stream()
				.filter((factor) -> factor.factor().equals("CODEBASE"))
				.findFirst()
				.orElseThrow()
				.score());
	}

	@Test
	void aMigrationAdviceSaysWhyItIsBooked() {
		Advice migrate = FRAMEWORKS
			.assess(plan(ProductKind.SAAS, "AUTH BILLING ADMIN_PANEL CMS", 50, "2/1", ExistingFramework.FASTAPI))
			.advice()
			.stream()
			.filter((advice) -> advice.kind().equals("MIGRATE_TO_DJANGO"))
			.findFirst()
			.orElseThrow();

		assertThat(migrate.text()).contains("even after the cost of leaving FastAPI", "books the migration");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# profile                                          | kind         | features                     | rps   | team | weeks | existing | advice             | stay
					a FastAPI SaaS bolting on every battery            | SAAS         | AUTH BILLING ADMIN_PANEL CMS | 50    | 2/1  | 12    | FASTAPI  | MIGRATE_TO_DJANGO  | FASTAPI
					a Django inference API at scale over a year        | ML_INFERENCE | ML_INFERENCE STREAMING       | 20000 | 1/0  | 52    | DJANGO   | MIGRATE_TO_FASTAPI | DJANGO
					""")
	void aMigrationStatesItsReasonWithTheScoresOfMovingAndOfStaying(String profile, ProductKind kind, String features,
			int rps, String team, int weeks, ExistingFramework existing, String adviceKind, String stay) {
		StackAssessment assessment = FRAMEWORKS.assess(plan(kind, features, rps, team, existing, weeks));
		Advice migrate = assessment.advice()
			.stream()
			.filter((advice) -> advice.kind().equals(adviceKind))
			.findFirst()
			.orElseThrow(() -> new AssertionError(profile + ": no " + adviceKind + " in " + assessment.advice()));

		assertThat(migrate.text()).as(profile)
			.contains("Why move: " + FRAMEWORKS.label(assessment.recommendation()) + " scores "
					+ ScoringEngineRulesTests.option(assessment, assessment.recommendation()).score() + " against "
					+ ScoringEngineRulesTests.option(assessment, stay).score() + " for staying on "
					+ FRAMEWORKS.label(stay))
			.containsPattern("the factors that carry the lead: [^:]+ \\+[0-9.]+");
	}

}
