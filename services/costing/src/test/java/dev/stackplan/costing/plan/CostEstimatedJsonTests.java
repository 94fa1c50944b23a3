package dev.stackplan.costing.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.stackplan.contracts.event.CostEstimated;
import dev.stackplan.contracts.event.CostEstimatedV1;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.testsupport.EventSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.JacksonMapperUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What costing puts on the wire conforms to cost-estimated.v1 and reads back as it was
 * written.
 */
class CostEstimatedJsonTests {

	private static final JsonMapper WIRE = JacksonMapperUtils.enhancedJsonMapper();

	private static final List<String> OPTIONS = List
		.copyOf(KnowledgeBase.load().document("frameworks").required("options").propertyNames());

	@Test
	void everyEstimateOfEveryKindOfProfileConformsToTheSchemaAndRoundTrips() {
		KnowledgeBase knowledge = KnowledgeBase.load();
		CostEngine engine = CostEngine.fromKnowledge(knowledge);
		int checked = 0;
		for (ExistingFramework existing : ExistingFramework.values()) {
			for (int engineers : new int[] { 0, 1, 3 }) {
				for (BigDecimal budget : new BigDecimal[] { null, new BigDecimal("60000.00") }) {
					PlanRequest request = new PlanRequest(
							new ProductProfile("P", ProductKind.SAAS,
									List.of(Feature.values()).subList(0, 1 + engineers), 10, existing),
							new Team(engineers, Math.min(1, engineers)), 4 + engineers * 8, budget);
					CostEstimated event = new CostEstimated(UUID.randomUUID(), knowledge.version(), Instant.now(),
							engine.decide(request, OPTIONS));
					CostEstimatedV1 rich = new CostEstimatedV1(event.planId(), knowledge.version(), event.estimatedAt(),
							engine.estimate(request, OPTIONS));

					String json = WIRE.writeValueAsString(event);
					String v1 = WIRE.writeValueAsString(rich);

					assertThat(EventSchemas.violations(PlanEvent.COST_ESTIMATED, json)).as(json).isEmpty();
					assertThat(WIRE.readValue(json, CostEstimated.class)).isEqualTo(event);
					assertThat(EventSchemas.violations(PlanEvent.COST_ESTIMATED_V1, v1)).as(v1).isEmpty();
					assertThat(WIRE.readValue(v1, CostEstimatedV1.class)).isEqualTo(rich);
					checked++;
				}
			}
		}
		assertThat(checked).isEqualTo(18);
	}

}
