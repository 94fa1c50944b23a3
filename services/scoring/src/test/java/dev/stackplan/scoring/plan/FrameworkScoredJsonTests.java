package dev.stackplan.scoring.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.stackplan.contracts.event.FrameworkScored;
import dev.stackplan.contracts.event.FrameworkScoredV1;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.scoring.engine.ScoringEngine;
import dev.stackplan.testsupport.EventSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.JacksonMapperUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What scoring puts on the wire conforms to framework-scored.v1 and reads back as it was
 * written.
 */
class FrameworkScoredJsonTests {

	private static final JsonMapper WIRE = JacksonMapperUtils.enhancedJsonMapper();

	@Test
	void everyAssessmentOfEveryKindOfProfileConformsToTheSchemaAndRoundTrips() {
		KnowledgeBase knowledge = KnowledgeBase.load();
		ScoringEngine engine = ScoringEngine.fromKnowledge(knowledge);
		int checked = 0;
		for (ProductKind kind : ProductKind.values()) {
			for (ExistingFramework existing : ExistingFramework.values()) {
				for (int engineers : new int[] { 0, 1, 3 }) {
					PlanRequest request = new PlanRequest(new ProductProfile("P", kind,
							List.of(Feature.values()).subList(0, engineers * 2 + 1), engineers * 700, existing),
							new Team(engineers, Math.min(1, engineers)), 12, null);
					FrameworkScored event = new FrameworkScored(UUID.randomUUID(), knowledge.version(), Instant.now(),
							engine.decide(request));
					FrameworkScoredV1 rich = new FrameworkScoredV1(event.planId(), knowledge.version(),
							event.scoredAt(), engine.assess(request));

					String json = WIRE.writeValueAsString(event);
					String v1 = WIRE.writeValueAsString(rich);

					assertThat(EventSchemas.violations(PlanEvent.FRAMEWORK_SCORED, json)).as(json).isEmpty();
					assertThat(WIRE.readValue(json, FrameworkScored.class)).isEqualTo(event);
					assertThat(EventSchemas.violations(PlanEvent.FRAMEWORK_SCORED_V1, v1)).as(v1).isEmpty();
					assertThat(WIRE.readValue(v1, FrameworkScoredV1.class)).isEqualTo(rich);
					checked++;
				}
			}
		}
		assertThat(checked).isEqualTo(63);
	}

	@Test
	void anEventThatBreaksTheSchemaIsCaught() {
		String valid = "{\"planId\":\"6f1c2a4e-0000-4000-8000-000000000000\",\"knowledgeVersion\":\"v\","
				+ "\"scoredAt\":\"2026-11-24T00:00:00Z\",\"stack\":{\"pack\":\"p\",\"recommendation\":\"DJANGO\","
				+ "\"applied\":[\"R1\"],\"advice\":[],\"weights\":{\"THROUGHPUT\":1},"
				+ "\"options\":[{\"option\":\"DJANGO\",\"score\":50.0,\"eligible\":true,"
				+ "\"scores\":{\"THROUGHPUT\":50.0}}]}}";

		assertThat(EventSchemas.violations(PlanEvent.FRAMEWORK_SCORED, valid)).isEmpty();
		assertThat(EventSchemas.violations(PlanEvent.FRAMEWORK_SCORED,
				valid.replace("\"score\":50.0,", "\"score\":150.0,")))
			.as("a score above 100")
			.isNotEmpty();
		assertThat(EventSchemas.violations(PlanEvent.FRAMEWORK_SCORED, valid.replace("\"pack\":\"p\",", "")))
			.as("a required field missing")
			.isNotEmpty();
		assertThat(EventSchemas.violations(PlanEvent.FRAMEWORK_SCORED,
				valid.replace("\"advice\":[]", "\"advice\":[],\"x\":1")))
			.as("an undeclared field")
			.isNotEmpty();
	}

	@Test
	void aV1EventThatBreaksItsSchemaIsStillCaught() {
		String valid = "{\"planId\":\"6f1c2a4e-0000-4000-8000-000000000000\",\"knowledgeVersion\":\"v\","
				+ "\"scoredAt\":\"2026-11-24T00:00:00Z\",\"stack\":{\"pack\":\"p\",\"recommendation\":\"DJANGO\","
				+ "\"options\":[],\"rationale\":[{\"text\":\"t\",\"source\":\"article:2\"}],\"advice\":[]}}";

		assertThat(EventSchemas.violations(PlanEvent.FRAMEWORK_SCORED_V1, valid)).isEmpty();
		assertThat(EventSchemas.violations(PlanEvent.FRAMEWORK_SCORED_V1, valid.replace("article:2", "a blog post")))
			.as("a source outside the three forms")
			.isNotEmpty();
	}

}
