package dev.stackplan.intake.plan;

import java.time.Instant;
import java.util.UUID;

import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.testsupport.EventSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.JacksonMapperUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What intake puts on the wire conforms to plan-requested.v1 and reads back as it was
 * written.
 */
class PlanRequestedJsonTests {

	private static final JsonMapper WIRE = JacksonMapperUtils.enhancedJsonMapper();

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"product\":{\"name\":\"Acme\",\"kind\":\"SAAS\",\"expectedRps\":10},\"team\":{\"engineers\":1},\"timelineWeeks\":12}",
			"{\"product\":{\"name\":\"Infer\",\"kind\":\"ML_INFERENCE\",\"features\":[\"STREAMING\",\"ML_INFERENCE\"],"
					+ "\"expectedRps\":2000,\"existingFramework\":\"FASTAPI\"},\"team\":{\"engineers\":3,\"seniorEngineers\":1},"
					+ "\"timelineWeeks\":26,\"budgetUsd\":125000.50}" })
	void aValidatedRequestConformsToTheSchemaAndRoundTrips(String body) {
		PlanRequest request = new PlanRequestValidator().validate(WIRE.readTree(body));
		PlanRequested event = new PlanRequested(UUID.randomUUID(), "demo", Instant.now(), request);

		String json = WIRE.writeValueAsString(event);

		assertThat(EventSchemas.violations(PlanEvent.PLAN_REQUESTED, json)).as(json).isEmpty();
		assertThat(WIRE.readValue(json, PlanRequested.class)).isEqualTo(event);
	}

}
