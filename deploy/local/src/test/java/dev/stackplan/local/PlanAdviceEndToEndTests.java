package dev.stackplan.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a founder acts on, through the real broker, services and store: a plan that cannot
 * deliver says so with ranked priced options, the full-time baseline carries its status,
 * every complete plan has its summary and what would change it, and a client's own
 * assumptions price its plan and are listed.
 */
class PlanAdviceEndToEndTests {

	private final WebTestClient demo = SharedPlatform.gateway(SharedPlatform.DEMO_KEY);

	@Test
	void aPlanThatCannotDeliverInItsTimelineOrBudgetShowsItsFeasibilityAndRankedPricedOptions() {
		JsonNode plan = complete(PlanRequestMother.request("Rush", "SAAS", List.of("AUTH", "BILLING", "ADMIN_PANEL"),
				10, "NONE", 0, 0, 1, 1_000));

		keep("cannot-deliver", plan);
		JsonNode feasibility = plan.at("/staffing/feasibility");
		assertThat(feasibility.path("status").asString()).isEqualTo("PAST_TIMELINE_AND_OVER_BUDGET");
		assertThat(feasibility.path("deliveryWeeks").asInt()).isGreaterThan(feasibility.path("timelineWeeks").asInt());
		assertThat(feasibility.path("reasons").isEmpty()).isFalse();
		JsonNode options = feasibility.path("options");
		assertThat(options.isEmpty()).isFalse();
		List<Integer> ranks = new ArrayList<>();
		for (JsonNode option : options) {
			ranks.add(option.path("rank").asInt());
			assertThat(option.path("kind").asString()).isIn("EXTEND_TIMELINE", "CUT_FEATURES", "RAISE_BUDGET");
			assertThat(option.path("onDemandUsd").decimalValue()).isPositive();
			assertThat(option.path("text").asString()).isNotBlank();
			assertThat(option.path("source").asString()).isNotBlank();
		}
		assertThat(ranks).isSorted().first().isEqualTo(1);
		assertThat(plan.at("/staffing/fullTime/status").asString()).isEqualTo("FIRST_COMMIT_PAST_TIMELINE");
		assertSummaryAndWhatWouldChangeIt(plan);
	}

	@Test
	void aPlanThatFitsIsFeasibleAndItsFullTimeBaselineCanStartInTime() {
		JsonNode plan = complete(PlanRequestMother.request("Roomy", "SAAS", List.of("AUTH", "BILLING", "ADMIN_PANEL"),
				10, "NONE", 0, 0, 52, 1_000_000));

		assertThat(plan.at("/staffing/feasibility/status").asString()).isEqualTo("FEASIBLE");
		assertThat(plan.at("/staffing/fullTime/status").asString()).isEqualTo("CAN_START_IN_TIME");
		assertSummaryAndWhatWouldChangeIt(plan);
	}

	@Test
	void theReadmePlansHaveTheirSummaryAndWhatWouldChangeThem() {
		JsonNode seedStage = complete(PlanRequestMother.seedStageSaas());
		JsonNode inference = complete(PlanRequestMother.request("Acme", "SAAS",
				List.of("AUTH", "BILLING", "ML_INFERENCE"), 300, "NONE", 3, 0, 12, 60_000));
		keep("seed-stage", seedStage);
		keep("inference", inference);

		assertThat(seedStage.at("/staffing/feasibility/status").asString()).isEqualTo("FEASIBLE");
		assertSummaryAndWhatWouldChangeIt(seedStage);
		assertThat(inference.at("/stack/recommendation").asString()).isEqualTo("HYBRID");
		assertSummaryAndWhatWouldChangeIt(inference);
	}

	@Test
	void aSalaryOverrideChangesTheFullTimeCostAndIsListedWithTheDocumentedFigureAndItsSource() {
		Map<String, Object> documented = PlanRequestMother.request("Own figures", "SAAS",
				List.of("AUTH", "BILLING", "ADMIN_PANEL"), 10, "NONE", 0, 0, 12, 60_000);
		Map<String, Object> assumed = new LinkedHashMap<>(documented);
		assumed.put("assumptions",
				Map.of("fullTime", Map.of("salaries", Map.of("MID", Map.of("lowUsd", 60_000, "highUsd", 80_000)))));

		JsonNode documentedPlan = complete(documented);
		JsonNode assumedPlan = complete(assumed);
		keep("documented", documentedPlan);
		keep("assumed", assumedPlan);
		// the request's assumptions and the plan's list of them are as the contract says
		ContractCheck.documented("GET", "/api/v1/plans/{planId}",
				this.demo.get()
					.uri("/api/v1/plans/{id}", assumedPlan.path("planId").asString())
					.exchange()
					.expectBody()
					.returnResult());

		assertThat(assumedPlan.at("/staffing/fullTime/totalUsd/low").decimalValue())
			.isLessThan(documentedPlan.at("/staffing/fullTime/totalUsd/low").decimalValue());
		assertThat(assumedPlan.at("/staffing/fullTime/totalUsd/high").decimalValue())
			.isLessThan(documentedPlan.at("/staffing/fullTime/totalUsd/high").decimalValue());
		assertThat(assumedPlan.at("/staffing/onDemand/totalUsd").decimalValue())
			.isEqualByComparingTo(documentedPlan.at("/staffing/onDemand/totalUsd").decimalValue());
		assertThat(documentedPlan.has("assumptionsOverridden")).isFalse();
		JsonNode overridden = assumedPlan.path("assumptionsOverridden");
		assertThat(overridden.size()).isEqualTo(2);
		assertThat(overridden.get(0).path("key").asString()).isEqualTo("fullTime.salaries.MID.lowUsd");
		assertThat(overridden.get(0).path("documentedValue").decimalValue()).isEqualByComparingTo("120000");
		assertThat(overridden.get(0).path("usedValue").decimalValue()).isEqualByComparingTo("60000");
		assertThat(overridden.get(0).path("documentedSource").asString()).isEqualTo("assumption:TIER_SALARY_SCALING");
		assertThat(overridden.get(1).path("key").asString()).isEqualTo("fullTime.salaries.MID.highUsd");
		assertThat(assumedPlan.at("/request/assumptions/fullTime/salaries/MID/lowUsd").decimalValue())
			.isEqualByComparingTo(new BigDecimal("60000"));
		// the summary is priced by the same figures as the staffing it sums up
		assertThat(assumedPlan.at("/summary/costRange").asString())
			.isNotEqualTo(documentedPlan.at("/summary/costRange").asString());
	}

	@Test
	void anOutOfBoundsAssumptionIs400NamingTheFieldAndTheBound() {
		Map<String, Object> request = new LinkedHashMap<>(PlanRequestMother.seedStageSaas());
		request.put("assumptions", Map.of("fullTime", Map.of("loadedMultiplier", Map.of("high", 40))));

		EntityExchangeResult<byte[]> refused = this.demo.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange()
			.expectBody()
			.returnResult();
		ContractCheck.documented("POST", "/api/v1/plans", refused);
		JsonNode problem = SharedPlatform.problem(this.demo.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange(), HttpStatus.BAD_REQUEST);

		JsonNode error = problem.path("errors").get(0);
		assertThat(error.path("field").asString()).isEqualTo("assumptions.fullTime.loadedMultiplier.high");
		assertThat(error.path("message").asString()).contains("maximum value of 10");
		assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("internal");
	}

	private static void assertSummaryAndWhatWouldChangeIt(JsonNode plan) {
		for (String line : List.of("pick", "why", "costRange", "biggestRisk", "nextStep")) {
			assertThat(plan.at("/summary/" + line).asString()).as(line).isNotBlank();
		}
		assertThat(plan.path("whatWouldChangeThis").isArray()).isTrue();
		assertThat(plan.path("whatWouldChangeThis").isEmpty()).isFalse();
		for (JsonNode change : plan.path("whatWouldChangeThis")) {
			assertThat(change.path("change").asString()).isNotBlank();
			assertThat(change.path("recommendation").asString()).isNotBlank();
			assertThat(change.path("source").asString()).isNotBlank();
		}
	}

	/**
	 * The served plan, kept under {@code target/served-plans} so that the README quotes
	 * real output of the live platform.
	 */
	private static void keep(String name, JsonNode plan) {
		try {
			Path directory = Files.createDirectories(Path.of("target", "served-plans"));
			Files.writeString(directory.resolve(name + ".json"), plan.toPrettyString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JsonNode complete(Map<String, Object> request) {
		JsonNode plan = SharedPlatform.ok(this.demo.post()
			.uri("/api/v1/plans")
			.header("Prefer", "wait=20")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request), JsonNode.class);
		assertThat(plan.path("status").asString()).isEqualTo("COMPLETE");
		return plan;
	}

}
