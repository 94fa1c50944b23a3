package dev.stackplan.scoring.engine;

import java.math.BigDecimal;
import java.util.List;

import dev.stackplan.contracts.event.Advice;
import dev.stackplan.contracts.event.OptionAssessment;
import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.stackplan.scoring.engine.Plans.FRAMEWORKS;
import static dev.stackplan.scoring.engine.Plans.plan;
import static dev.stackplan.scoring.engine.Plans.summary;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rationale argues for its own pick: a rule that favours another option is shown as a
 * trade-off, and a load past what DRF serves is never left without a word.
 */
class ScoringEngineRationaleTests {

	private static final String TRADE_OFF = "Trade-off, in favour of ";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# profile                                      | kind         | features                     | rps   | team | argument for the loser
					a microservice with every battery              | MICROSERVICE | AUTH BILLING ADMIN_PANEL CMS | 50    | 2/1  | FastAPI is the right call
					a public API with every battery                | PUBLIC_API   | AUTH BILLING ADMIN_PANEL CMS | 50    | 2/1  | FastAPI is the right call
					a SaaS with a streaming layer and one engineer | SAAS         | AUTH BILLING STREAMING       | 50    | 1/0  | mature Python shops split
					""")
	void aRuleThatFavoursTheLoserIsATradeOffNotAReason(String profile, ProductKind kind, String features, int rps,
			String team, String argumentForTheLoser) {
		StackAssessment assessment = FRAMEWORKS.assess(plan(kind, features, rps, team, ExistingFramework.NONE));

		assertThat(assessment.recommendation()).as(summary(assessment)).isEqualTo("DJANGO");
		assertThat(assessment.rationale()).extracting(SourcedText::text)
			.filteredOn((text) -> text.contains(argumentForTheLoser))
			.isNotEmpty()
			.allSatisfy((text) -> assertThat(text).startsWith(TRADE_OFF));
	}

	@Test
	void theFactorWhereTheRunnerUpIsFurthestAheadIsShownAsATradeOff() {
		StackAssessment assessment = FRAMEWORKS
			.assess(plan(ProductKind.SAAS, "AUTH BILLING ADMIN_PANEL", 10, "2/1", ExistingFramework.NONE));

		assertThat(assessment.rationale()).extracting(SourcedText::text)
			.anySatisfy((text) -> assertThat(text).startsWith(TRADE_OFF + assessment.options()
				.get(1)
				.option()
				.replace("FASTAPI", "FastAPI")
				.replace("HYBRID", "Django + FastAPI")));
	}

	@ParameterizedTest(name = "SaaS at {0} RPS, team {1} -> {2}, caveat {3}")
	@CsvSource({ "5000, 3/1, DJANGO, false", "8000, 3/1, HYBRID, false", "20000, 1/0, DJANGO, true",
			"10000000, 1/0, DJANGO, true" })
	void aSaasPastWhatDrfServesGetsTheHybridOrDjangoWithACaveat(int rps, String team, String recommendation,
			boolean caveat) {
		StackAssessment assessment = FRAMEWORKS
			.assess(plan(ProductKind.SAAS, "AUTH BILLING ADMIN_PANEL", rps, team, ExistingFramework.NONE));

		assertThat(assessment.recommendation()).as(summary(assessment)).isEqualTo(recommendation);
		assertThat(assessment.advice()).extracting(Advice::kind)
			.as(summary(assessment))
			.matches((kinds) -> kinds.contains("LOAD_CAVEAT") == caveat);
	}

	@Test
	void theLoadMovesASaasScoreBetweenAThousandAndTenMillionRps() {
		StackAssessment atAThousand = FRAMEWORKS
			.assess(plan(ProductKind.SAAS, "AUTH BILLING", 1_000, "3/1", ExistingFramework.NONE));
		StackAssessment atTenMillion = FRAMEWORKS
			.assess(plan(ProductKind.SAAS, "AUTH BILLING", 10_000_000, "3/1", ExistingFramework.NONE));

		assertThat(score(atTenMillion, "FASTAPI")).isGreaterThan(score(atAThousand, "FASTAPI"));
		assertThat(score(atTenMillion, "DJANGO")).isLessThan(score(atAThousand, "DJANGO"));
	}

	@Property
	void theProductsNameNeverChangesTheResult(@ForAll("plans") PlanRequest plan, @ForAll String name) {
		PlanRequest renamed = new PlanRequest(new ProductProfile(name, plan.product().kind(), plan.product().features(),
				plan.product().expectedRps(), plan.product().existingFramework()), plan.team(), plan.timelineWeeks(),
				plan.budgetUsd());

		assertThat(FRAMEWORKS.assess(renamed)).isEqualTo(FRAMEWORKS.assess(plan));
	}

	@Property
	void everyTradeOffFavoursAnotherOptionAndComesAfterEveryReason(@ForAll("plans") PlanRequest plan) {
		StackAssessment assessment = FRAMEWORKS.assess(plan);
		List<String> lines = assessment.rationale().stream().map(SourcedText::text).toList();
		List<String> tradeOffs = lines.stream().filter((text) -> text.startsWith(TRADE_OFF)).toList();

		assertThat(tradeOffs)
			.noneMatch((text) -> text.startsWith(TRADE_OFF + labelOf(assessment.recommendation()) + ":"));
		if (!tradeOffs.isEmpty()) {
			List<String> reasons = lines.subList(0, lines.indexOf(tradeOffs.get(0)));
			assertThat(lines.subList(reasons.size(), reasons.size() + tradeOffs.size())).isEqualTo(tradeOffs);
		}
	}

	@Provide
	Arbitrary<PlanRequest> plans() {
		return new ScoringEnginePropertiesTests().plans();
	}

	private static String labelOf(String option) {
		return switch (option) {
			case "FASTAPI" -> "FastAPI";
			case "HYBRID" -> "Django + FastAPI";
			default -> "Django";
		};
	}

	private static BigDecimal score(StackAssessment assessment, String option) {
		return assessment.options()
			.stream()
			.filter((candidate) -> candidate.option().equals(option))
			.map(OptionAssessment::score)
			.findFirst()
			.orElseThrow();
	}

}
