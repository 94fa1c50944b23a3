package dev.stackplan.contracts.knowledge;

import java.io.InputStream;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds a what-if override is held to hold for the shipped knowledge itself, so a
 * scenario without overrides is never refused, and they refuse what they say.
 */
class OverrideBoundsSchemaTests {

	private static final ObjectMapper SCHEMA_JSON = new ObjectMapper();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theShippedKnowledgeIsWithinItsBounds() throws Exception {
		assertThat(violations(KnowledgeBase.load())).isEmpty();
	}

	@Test
	void aRateOfZeroIsOutOfBoundsAtItsPath() throws Exception {
		KnowledgeBase free = KnowledgeBase.load()
			.withOverrides(JSON.readTree("{\"cost\": {\"onDemand\": {\"tiers\": {\"MID\": {\"weeklyUsd\": 0}}}}}"));

		assertThat(violations(free)).extracting((message) -> message.getInstanceLocation().toString())
			.containsExactly("$.cost.onDemand.tiers.MID.weeklyUsd");
	}

	@Test
	void theBoundsAreNotADocumentOfTheKnowledgeBase() {
		assertThat(KnowledgeBase.load().tree().propertyNames()).doesNotContain("override-bounds");
	}

	private static Set<ValidationMessage> violations(KnowledgeBase knowledge) throws Exception {
		try (InputStream schema = OverrideBoundsSchemaTests.class.getClassLoader()
			.getResourceAsStream(KnowledgeBase.ROOT + "override-bounds.schema.json")) {
			JsonSchema bounds = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
			return bounds.validate(SCHEMA_JSON.readTree(knowledge.tree().toString()));
		}
	}

}
