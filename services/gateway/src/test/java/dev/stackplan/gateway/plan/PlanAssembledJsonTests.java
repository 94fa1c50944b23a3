package dev.stackplan.gateway.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.stackplan.contracts.event.PlanAssembled;
import dev.stackplan.contracts.event.PlanStatus;
import dev.stackplan.contracts.event.UsdRange;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.testsupport.EventSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.JacksonMapperUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway puts on the wire conforms to plan-assembled.v1 and reads back as it
 * was written.
 */
class PlanAssembledJsonTests {

	private static final JsonMapper WIRE = JacksonMapperUtils.enhancedJsonMapper();

	@Test
	void anAssembledPlanConformsToTheSchemaAndRoundTrips() {
		PlanAssembled event = new PlanAssembled(UUID.randomUUID(), PlanStatus.COMPLETE, "2026.11.1+abc", "DJANGO",
				new BigDecimal("17400.00"), new UsdRange(new BigDecimal("73359.77"), new BigDecimal("116129.00")),
				Instant.parse("2026-11-24T05:24:16.750762Z"), Instant.parse("2026-11-24T05:24:17.869833Z"));

		String json = WIRE.writeValueAsString(event);

		assertThat(EventSchemas.violations(PlanEvent.PLAN_ASSEMBLED, json)).as(json).isEmpty();
		assertThat(WIRE.readValue(json, PlanAssembled.class)).isEqualTo(event);
	}

}
