package dev.stackplan.intake.plan;

import java.math.BigDecimal;

import dev.stackplan.testsupport.ContractDocuments;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan request's bounds are written three times: in the validator that enforces them,
 * in plan-api.yaml that promises them to clients and in the plan-requested event schema
 * that its consumers read. A bound changed in one place and not the others fails here.
 */
class PlanLimitsAgreementTests {

	private static final JsonNode API = ContractDocuments.planApi().at("/components/schemas/PlanRequest/properties");

	private static final JsonNode EVENT = ContractDocuments.eventSchema("plan-requested.v1.schema.json").at("/$defs");

	@Test
	void expectedRpsHasTheValidatorsBounds() {
		JsonNode api = API.at("/product/properties/expectedRps");
		JsonNode event = EVENT.at("/ProductProfile/properties/expectedRps");
		assertThat(api.get("minimum").asLong()).isZero();
		assertThat(api.get("maximum").asLong()).isEqualTo(PlanRequestValidator.MAX_RPS);
		assertThat(event.get("minimum").asLong()).isZero();
		// the event states no maximum: consumers take whatever intake let through
		assertThat(event.has("maximum")).isFalse();
	}

	@Test
	void timelineWeeksHasTheValidatorsBounds() {
		JsonNode api = API.at("/timelineWeeks");
		JsonNode event = EVENT.at("/PlanRequest/properties/timelineWeeks");
		assertThat(api.get("minimum").asInt()).isEqualTo(1);
		assertThat(api.get("maximum").asInt()).isEqualTo(PlanRequestValidator.MAX_TIMELINE_WEEKS);
		assertThat(event.get("minimum").asInt()).isEqualTo(1);
		assertThat(event.get("maximum").asInt()).isEqualTo(PlanRequestValidator.MAX_TIMELINE_WEEKS);
	}

	@Test
	void teamSizesHaveTheValidatorsBounds() {
		for (String field : PlanRequestValidator.TEAM_FIELDS) {
			JsonNode api = API.at("/team/properties/" + field);
			JsonNode event = EVENT.at("/Team/properties/" + field);
			assertThat(api.get("minimum").asInt()).as(field).isZero();
			assertThat(api.get("maximum").asInt()).as(field).isEqualTo(PlanRequestValidator.MAX_ENGINEERS);
			assertThat(event.get("minimum").asInt()).as(field).isZero();
			assertThat(event.has("maximum")).as(field).isFalse();
		}
	}

	@Test
	void productNameHasTheValidatorsLength() {
		JsonNode api = API.at("/product/properties/name");
		JsonNode event = EVENT.at("/ProductProfile/properties/name");
		for (JsonNode name : new JsonNode[] { api, event }) {
			assertThat(name.get("minLength").asInt()).isEqualTo(1);
			assertThat(name.get("maxLength").asInt()).isEqualTo(PlanRequestValidator.MAX_NAME_LENGTH);
		}
	}

	@Test
	void budgetHasTheValidatorsBounds() {
		JsonNode api = API.at("/budgetUsd");
		JsonNode event = EVENT.at("/PlanRequest/properties/budgetUsd");
		assertThat(api.get("minimum").asInt()).isZero();
		assertThat(new BigDecimal(api.get("maximum").asString())).isEqualByComparingTo(PlanRequestValidator.MAX_BUDGET);
		assertThat(event.get("minimum").asInt()).isZero();
		assertThat(event.has("maximum")).isFalse();
	}

	@Test
	void theFieldsAreTheValidatorsFields() {
		assertThat(API.propertyNames()).containsExactlyInAnyOrderElementsOf(PlanRequestValidator.REQUEST_FIELDS);
		assertThat(API.at("/product/properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(PlanRequestValidator.PRODUCT_FIELDS);
		assertThat(API.at("/team/properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(PlanRequestValidator.TEAM_FIELDS);
		assertThat(EVENT.at("/PlanRequest/properties").propertyNames())
			.containsExactlyInAnyOrderElementsOf(PlanRequestValidator.REQUEST_FIELDS);
	}

}
