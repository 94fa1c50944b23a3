package dev.stackplan.gateway;

import dev.stackplan.testsupport.ContractDocuments;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's configurable input bounds are promised to clients in plan-api.yaml: the
 * settings in application.yml and the document say the same, or this fails.
 */
class PublicLimitsAgreementTests {

	private static final JsonNode API = ContractDocuments.planApi();

	private static final JsonNode SETTINGS = ContractDocuments.yaml("application.yml").at("/stackplan/gateway");

	@Test
	void theLimitParameterIsThePageSizeSettings() {
		JsonNode limit = API.at("/components/parameters/Limit/schema");

		assertThat(limit.get("minimum").asInt()).isEqualTo(1);
		assertThat(limit.get("default").asInt()).isEqualTo(SETTINGS.get("default-page-size").asInt());
		assertThat(limit.get("maximum").asInt()).isEqualTo(SETTINGS.get("max-page-size").asInt());
	}

	@Test
	void aScenariosPlanIdsAreBoundedByTheInputLimit() {
		JsonNode planIds = API.at("/components/schemas/ScenarioRequest/properties/source/properties/planIds");

		assertThat(planIds.get("minItems").asInt()).isEqualTo(1);
		assertThat(planIds.get("maxItems").asInt()).isEqualTo(SETTINGS.at("/input/max-plan-ids").asInt());
	}

}
