package dev.stackplan.contracts.schema;

import java.io.InputStream;

import dev.stackplan.contracts.topic.PlanEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published event schema only changes compatibly; anything else needs a new version.
 */
class PublishedSchemasCompatibilityTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@EnumSource(PlanEvent.class)
	void everyEventSchemaIsPublishedAndStillCompatibleWithItsPublishedVersion(PlanEvent event) throws Exception {
		JsonNode published = read("published-schemas/" + event.typeToken() + ".schema.json");
		JsonNode current = read(event.schemaResource());

		assertThat(SchemaCompatibility.breakingChanges(published, current)).isEmpty();
	}

	@Test
	void removingRetypingOrNewlyRequiringAFieldOrChangingAnEnumerationIsCaught() throws Exception {
		JsonNode published = read("published-schemas/plan-requested.v1.schema.json");
		ObjectNode current = (ObjectNode) published.deepCopy();
		ObjectNode product = (ObjectNode) current.at("/$defs/ProductProfile/properties");
		product.remove("name");
		((ObjectNode) product.get("expectedRps")).put("type", "string");
		((ArrayNode) product.at("/kind/enum")).remove(0);
		((ArrayNode) current.at("/$defs/PlanRequest/required")).add("budgetUsd");

		assertThat(SchemaCompatibility.breakingChanges(published, current)).containsExactlyInAnyOrder(
				"$.request.budgetUsd: newly required", "$.request.product.name: removed",
				"$.request.product.kind: enumeration [\"SAAS\",\"MARKETPLACE\",\"CMS\",\"INTERNAL_TOOL\",\"PUBLIC_API\",\"MICROSERVICE\",\"ML_INFERENCE\"] became [\"MARKETPLACE\",\"CMS\",\"INTERNAL_TOOL\",\"PUBLIC_API\",\"MICROSERVICE\",\"ML_INFERENCE\"]",
				"$.request.product.expectedRps: type \"integer\" became \"string\"");
	}

	@Test
	void addingAnOptionalFieldIsCompatible() throws Exception {
		JsonNode published = read("published-schemas/cost-estimated.v1.schema.json");
		ObjectNode current = (ObjectNode) published.deepCopy();
		((ObjectNode) current.at("/$defs/Role/properties")).putObject("rateUsd").put("type", "number");

		assertThat(SchemaCompatibility.breakingChanges(published, current)).isEmpty();
	}

	private static JsonNode read(String resource) throws Exception {
		try (InputStream in = PublishedSchemasCompatibilityTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return JSON.readTree(in);
		}
	}

}
