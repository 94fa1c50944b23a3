package dev.stackplan.contracts.knowledge;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Each knowledge document is bound by its schema: the shipped documents hold, and a
 * broken one is refused with the JSON pointer of its fault.
 */
class KnowledgeSchemaTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final KnowledgeBase SHIPPED = KnowledgeBase.load();

	@Test
	void theShippedDocumentsHoldTheirSchemas() {
		for (String document : SHIPPED.tree().propertyNames()) {
			assertThatNoException().as(document)
				.isThrownBy(() -> KnowledgeSchema.of(document).validate(document, SHIPPED.document(document)));
		}
	}

	static Stream<Arguments> brokenDocuments() {
		return Stream.of(
				Arguments.of("cost", "{\"onDemand\": {\"tiers\": {\"MID\": {\"weeklyUsd\": 0}}}}",
						"/onDemand/tiers/MID/weeklyUsd"),
				Arguments.of("cost", "{\"onDemand\": {\"tiers\": {\"MID\": {\"weeklyUsd\": \"lots\"}}}}",
						"/onDemand/tiers/MID/weeklyUsd"),
				Arguments.of("cost", "{\"onDemand\": {\"tiers\": {\"LEAD\": null}}}", "/onDemand/tiers/LEAD"),
				Arguments.of("cost",
						"{\"staffing\": {\"HYBRID\": {\"roles\": {\"BOUNDARY_OWNER\": {\"tier\": \"JUNIOR\"}}}}}",
						"/staffing/HYBRID/roles/BOUNDARY_OWNER/tier"),
				Arguments.of("cost", "{\"calendar\": {\"weeksPerYear\": {\"value\": 0}}}",
						"/calendar/weeksPerYear/value"),
				Arguments.of("frameworks", "{\"factors\": {\"ORM\": {\"scores\": {\"DJANGO\": 120}}}}",
						"/factors/ORM/scores/DJANGO"),
				Arguments.of("frameworks", "{\"factors\": {\"ORM\": {\"label\": null}}}", "/factors/ORM/label"),
				Arguments.of("frameworks",
						"{\"rules\": {\"PRODUCT_WINS_ON_TIME_TO_REVENUE\": {\"when\": {\"kindIn\": [\"SAAS\", \"BLOG\"]}}}}",
						"/rules/PRODUCT_WINS_ON_TIME_TO_REVENUE/when/kindIn/1"),
				Arguments.of("frameworks", "{\"sensitivity\": {\"teamStep\": 0}}", "/sensitivity/teamStep"));
	}

	@ParameterizedTest(name = "{0} {1} is refused at {2}")
	@MethodSource("brokenDocuments")
	void aBrokenDocumentIsRefusedNamingTheDocumentAndThePointerOfItsFault(String document, String mergePatch,
			String pointer) {
		JsonNode broken = SHIPPED.withOverrides(JSON.readTree("{\"" + document + "\": " + mergePatch + "}"))
			.document(document);

		assertThatExceptionOfType(InvalidKnowledgeException.class)
			.isThrownBy(() -> KnowledgeSchema.of(document).validate(document + " document", broken))
			.satisfies((ex) -> {
				assertThat(ex.document()).isEqualTo(document + " document");
				assertThat(ex.pointer()).isEqualTo(pointer);
				assertThat(ex.getMessage()).startsWith("Invalid " + document + " document at " + pointer + ": ");
			});
	}

	@Test
	void aMisspeltFieldIsRefusedNotIgnored() {
		ObjectNode cost = (ObjectNode) SHIPPED.document("cost");
		((ObjectNode) cost.at("/onDemand/tiers/MID")).put("weeklyUSD", 1000);
		ObjectNode frameworks = (ObjectNode) SHIPPED.document("frameworks");
		((ObjectNode) frameworks.at("/rules/THROUGHPUT_LATER/when")).put("rpsBelow", 5);

		assertThatExceptionOfType(InvalidKnowledgeException.class)
			.isThrownBy(() -> KnowledgeSchema.of("cost").validate("cost document", cost))
			.satisfies((ex) -> assertThat(ex.pointer()).isEqualTo("/onDemand/tiers/MID/weeklyUSD"));
		assertThatExceptionOfType(InvalidKnowledgeException.class)
			.isThrownBy(() -> KnowledgeSchema.of("frameworks").validate("decision pack", frameworks))
			.satisfies((ex) -> {
				assertThat(ex.pointer()).isEqualTo("/rules/THROUGHPUT_LATER/when/rpsBelow");
				assertThat(ex.problem()).startsWith("unknown condition; use kindIn");
			});
	}

	@Test
	void aDocumentWithoutASchemaCannotBeChecked() {
		assertThatIllegalStateException().isThrownBy(() -> KnowledgeSchema.of("weather"))
			.withMessageContaining("knowledge/schemas/weather.schema.json");
	}

	@Test
	void aRefusalSaysWhatIsWrongInTheSchemasOwnWords() {
		JsonNode broken = SHIPPED
			.withOverrides(JSON.readTree("{\"frameworks\": {\"factors\": {\"ORM\": {\"scores\": {\"DJANGO\": 120}}}}}"))
			.document("frameworks");

		assertThatExceptionOfType(InvalidKnowledgeException.class)
			.isThrownBy(() -> KnowledgeSchema.of("frameworks").validate("decision pack", broken))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo("a score is a number from 0 to 100 '120'"));
	}

}
