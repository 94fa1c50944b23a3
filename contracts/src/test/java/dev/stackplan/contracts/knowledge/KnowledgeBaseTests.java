package dev.stackplan.contracts.knowledge;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KnowledgeBaseTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anUnchangedKnowledgeBaseKeepsItsVersion() {
		assertThat(KnowledgeBase.load().version()).isEqualTo(KnowledgeBase.load().version())
			.startsWith(KnowledgeBase.load().release() + "+");
	}

	@Test
	void anOverrideThatChangesNothingKeepsTheVersion() {
		KnowledgeBase base = KnowledgeBase.load();

		assertThat(base.withOverrides(JSON.readTree("{}")).version()).isEqualTo(base.version());
	}

	@Test
	void anOverrideReplacesOneValueAndGetsItsOwnVersion() {
		KnowledgeBase base = KnowledgeBase.load();
		String firstDocument = base.tree().propertyNames().iterator().next();
		JsonNode original = base.document(firstDocument);
		String firstKey = original.propertyNames().iterator().next();

		KnowledgeBase patched = base
			.withOverrides(JSON.readTree("{\"" + firstDocument + "\":{\"" + firstKey + "\":\"changed\"}}"));

		assertThat(patched.document(firstDocument).path(firstKey).asString()).isEqualTo("changed");
		assertThat(patched.version()).isNotEqualTo(base.version());
		assertThat(base.document(firstDocument)).as("the baseline is never touched").isEqualTo(original);
	}

	@Test
	void anOverrideOfAPathTheKnowledgeBaseDoesNotHaveIsRejectedByName() {
		KnowledgeBase base = KnowledgeBase.load();

		assertThatExceptionOfType(UnknownKnowledgePathException.class)
			.isThrownBy(() -> base.withOverrides(JSON.readTree("{\"cost\":{\"noSuchThing\":{\"x\":1}}}")))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("/cost/noSuchThing"));
	}

	@Test
	void everyDocumentListedInTheIndexIsLoaded() {
		assertThat(KnowledgeBase.load().tree().propertyNames()).containsExactly("frameworks", "cost");
	}

}
