package dev.stackplan.gateway.plan;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.scoring.engine.ScoringEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary of a plan and what would change it, from the engines alone (no Spring): the
 * hybrid's condition is priced from its own estimate, and each change found is real,
 * checked by running the engines on the changed request.
 */
class PlanAdviceTests {

	private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.load();

	private static final ScoringEngine SCORING = ScoringEngine.fromKnowledge(KNOWLEDGE);

	private static final CostEngine COSTING = CostEngine.fromKnowledge(KNOWLEDGE);

	private final PlanAdvice advice = new PlanAdvice(SCORING, COSTING);

	@Test
	void aTeamWithoutASeniorIsToldHybridIfItBooksASeniorBoundaryOwnerAtTheHybridsOwnPriceForHim() {
		PlanRequest request = request(ProductKind.SAAS, "AUTH BILLING ML_INFERENCE", 300, "3/0", 12);
		StackAssessment stack = SCORING.assess(request);
		List<StaffingEstimate> byOption = COSTING.estimate(request, SCORING.optionIds());
		StaffingEstimate hybrid = estimate(byOption, "HYBRID");
		BigDecimal boundaryOwner = hybrid.onDemand()
			.lineItems()
			.stream()
			.filter((item) -> item.item().startsWith("BOUNDARY_OWNER_"))
			.map((item) -> item.amountUsd())
			.reduce(BigDecimal.ZERO, BigDecimal::add);

		List<PlanView.PricedCondition> conditions = this.advice.conditions(stack, byOption);
		PlanView.Summary summary = this.advice.summary(request, stack, hybrid, conditions);

		assertThat(stack.recommendation()).isEqualTo("HYBRID");
		assertThat(conditions).singleElement().satisfies((condition) -> {
			assertThat(condition.option()).isEqualTo("HYBRID");
			assertThat(condition.source()).isEqualTo("inference:36");
			assertThat(condition.bookedUsd()).isEqualByComparingTo(boundaryOwner).isEqualByComparingTo("17400");
		});
		assertThat(summary.pick()).isEqualTo("Pick: Django + FastAPI, if you book a senior boundary owner (+$17,400).");
		assertThat(summary.nextStep()).isEqualTo("Next step: Book a senior boundary owner (+$17,400).");
		assertThat(summary.why()).as("the reason given names the pick, not the option it beats")
			.isEqualTo("Why: ML / model serving: Django + FastAPI 100.0 vs Django 40.0. FastAPI serves the /predict "
					+ "endpoint and the streaming-LLM proxy. (article:35)");
		assertThat(summary.costRange()).startsWith("Cost: " + PlanAdvice.usd(hybrid.onDemand().totalUsd()))
			.contains(PlanAdvice.usd(hybrid.fullTime().totalUsd().low()),
					PlanAdvice.usd(hybrid.fullTime().totalUsd().high()));
	}

	@Test
	void aOneEngineerTeamIsNotOfferedTheHybridOnAnyCondition() {
		PlanRequest request = request(ProductKind.SAAS, "AUTH BILLING ML_INFERENCE", 300, "1/0", 12);
		StackAssessment stack = SCORING.assess(request);

		assertThat(this.advice.conditions(stack, COSTING.estimate(request, SCORING.optionIds()))).isEmpty();
		assertThat(stack.recommendation()).isNotEqualTo("HYBRID");
	}

	@ParameterizedTest(name = "{0}: {6}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# profile                                   | kind       | features                 | rps  | team | weeks | expected change
					a SaaS below DRF's range                    | SAAS       | AUTH BILLING             | 5000 | 3/1  | 12    | At 8,000 RPS (now 5,000): Django + FastAPI instead of Django
					a Django-leaning SaaS drops its inference   | SAAS       | AUTH BILLING ML_INFERENCE | 300 | 3/1  | 12    | Without ML_INFERENCE: Django instead of Django + FastAPI
					a hybrid team that hires its senior          | SAAS       | AUTH BILLING ML_INFERENCE | 300 | 3/0  | 12    | With 1 more senior engineer in the team (team 4/1, now 3/0): still Django + FastAPI
					a hybrid team that shrinks to one engineer   | SAAS       | AUTH BILLING ML_INFERENCE | 300 | 3/0  | 12    | With 1 engineer (team 1/0, now 3/0): Django instead of Django + FastAPI
					a SaaS staffed by effort (timeline moot)     | SAAS       | AUTH BILLING ADMIN_PANEL | 50   | 2/1  | 26    | At 8,000 RPS (now 50): Django + FastAPI instead of Django
					""")
	void theNearestChangesThatFlipThePickOrMoveTheCostAreFound(String profile, ProductKind kind, String features,
			int rps, String team, int weeks, String expected) {
		PlanRequest request = request(kind, features, rps, team, weeks);
		StackAssessment stack = SCORING.assess(request);
		StaffingEstimate recommended = estimate(COSTING.estimate(request, SCORING.optionIds()), stack.recommendation());

		List<PlanView.Change> changes = this.advice.whatWouldChangeThis(request, stack, recommended);

		assertThat(changes).extracting(PlanView.Change::text).as(profile).anyMatch((text) -> text.startsWith(expected));
		for (PlanView.Change change : changes) {
			boolean flips = !change.recommendation().equals(stack.recommendation());
			boolean moves = change.costChangePercent() != null
					&& change.costChangePercent().abs().compareTo(BigDecimal.valueOf(20)) > 0;
			assertThat(flips || moves)
				.as("%s: %s flips the pick or moves the cost by more than 20%%", profile, change.text())
				.isTrue();
			assertThat(change.source()).isEqualTo("assumption:SENSITIVITY_SEARCH");
		}
	}

	@Test
	void theRpsChangeNamedIsTheNearestOneThatFlipsThePick() {
		PlanRequest request = request(ProductKind.SAAS, "AUTH BILLING", 5000, "3/1", 12);
		StackAssessment stack = SCORING.assess(request);
		StaffingEstimate recommended = estimate(COSTING.estimate(request, SCORING.optionIds()), stack.recommendation());

		PlanView.Change up = this.advice.whatWouldChangeThis(request, stack, recommended)
			.stream()
			.filter((change) -> change.input().equals("expectedRps"))
			.findFirst()
			.orElseThrow();

		assertThat(SCORING.assess(request(ProductKind.SAAS, "AUTH BILLING", 7999, "3/1", 12)).recommendation())
			.isEqualTo(stack.recommendation());
		assertThat(SCORING.assess(request(ProductKind.SAAS, "AUTH BILLING", 8000, "3/1", 12)).recommendation())
			.isEqualTo(up.recommendation())
			.isNotEqualTo(stack.recommendation());
	}

	@Test
	void aPlanOverItsBudgetNamesTheOverrunAsItsRiskWhenNoLoadCaveatComesFirst() {
		PlanRequest request = new PlanRequest(new ProductProfile("p", ProductKind.SAAS,
				features("AUTH BILLING ADMIN_PANEL"), 50, ExistingFramework.NONE), new Team(2, 1), 26,
				new BigDecimal("1000"));
		StackAssessment stack = SCORING.assess(request);
		StaffingEstimate recommended = estimate(COSTING.estimate(request, SCORING.optionIds()), stack.recommendation());

		assertThat(this.advice.summary(request, stack, recommended, List.of()).biggestRisk())
			.isEqualTo("Biggest risk: the on-demand plan (" + PlanAdvice.usd(recommended.onDemand().totalUsd())
					+ ") is over the $1,000 budget.");
	}

	private static StaffingEstimate estimate(List<StaffingEstimate> byOption, String option) {
		return byOption.stream().filter((estimate) -> estimate.option().equals(option)).findFirst().orElseThrow();
	}

	private static PlanRequest request(ProductKind kind, String features, int rps, String team, int weeks) {
		String[] engineers = team.split("/");
		return new PlanRequest(new ProductProfile("p", kind, features(features), rps, ExistingFramework.NONE),
				new Team(Integer.parseInt(engineers[0]), Integer.parseInt(engineers[1])), weeks, null);
	}

	private static List<Feature> features(String features) {
		return features.equals("-") ? List.of() : Arrays.stream(features.split("\\s+")).map(Feature::valueOf).toList();
	}

}
