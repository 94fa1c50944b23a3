package dev.stackplan.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.stackplan.contracts.event.CostEstimatedV1;
import dev.stackplan.contracts.event.FrameworkScoredV1;
import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.scoring.engine.ScoringEngine;
import dev.stackplan.testsupport.RawRecords;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events written before the compact versions are still on the log after an upgrade: a
 * plan whose halves arrive as framework-scored.v1 and cost-estimated.v1 is assembled and
 * answered as richly as before.
 */
class LegacyEventsEndToEndTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aPlanWhoseHalvesAreV1EventsOnTheLogIsAssembledAndAnsweredInFull() {
		SharedPlatform.services();
		KnowledgeBase knowledge = KnowledgeBase.load();
		ScoringEngine scoring = ScoringEngine.fromKnowledge(knowledge);
		CostEngine costing = CostEngine.fromKnowledge(knowledge);
		PlanRequest request = new PlanRequest(new ProductProfile("Legacy", ProductKind.MARKETPLACE,
				List.of(Feature.AUTH, Feature.BILLING), 300, ExistingFramework.NONE), new Team(2, 1), 16, null);
		UUID planId = UUID.randomUUID();
		Instant now = Instant.now();
		// the halves first, so the v2 answers scoring and costing give to the request
		// below
		// arrive second and are ignored (each half is stored once)
		RawRecords.send(PlanEvent.FRAMEWORK_SCORED_V1.topic(), planId.toString(),
				JSON.writeValueAsString(
						new FrameworkScoredV1(planId, knowledge.version(), now, scoring.assess(request))),
				Map.of("__TypeId__", PlanEvent.FRAMEWORK_SCORED_V1.typeToken()));
		RawRecords.send(PlanEvent.COST_ESTIMATED_V1.topic(), planId.toString(),
				JSON.writeValueAsString(new CostEstimatedV1(planId, knowledge.version(), now,
						costing.estimate(request, scoring.optionIds()))),
				Map.of("__TypeId__", PlanEvent.COST_ESTIMATED_V1.typeToken()));
		RawRecords.send(PlanEvent.PLAN_REQUESTED.topic(), planId.toString(),
				JSON.writeValueAsString(new PlanRequested(planId, "demo", now, request)),
				Map.of("__TypeId__", PlanEvent.PLAN_REQUESTED.typeToken()));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode plan = SharedPlatform.plan(SharedPlatform.gateway(SharedPlatform.DEMO_KEY), planId);
			assertThat(plan.path("status").asString()).isEqualTo("COMPLETE");
			assertThat(plan.path("stack")).isEqualTo(asServed(scoring.assess(request)));
			assertThat(plan.path("staffing").path("byOption"))
				.isEqualTo(asServed(costing.estimate(request, scoring.optionIds())));
		});
	}

	/** As a client reads it: written as JSON, read back as a tree. */
	private static JsonNode asServed(Object value) {
		return JSON.readTree(JSON.writeValueAsString(value));
	}

}
