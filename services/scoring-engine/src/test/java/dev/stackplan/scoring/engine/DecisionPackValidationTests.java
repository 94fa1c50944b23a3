package dev.stackplan.scoring.engine;

import java.util.function.Consumer;

import dev.stackplan.contracts.knowledge.InvalidKnowledgeException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.stackplan.scoring.engine.Plans.KNOWLEDGE;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** A pack the engine cannot score with fails when it is read, saying what and where. */
class DecisionPackValidationTests {

	@Test
	void theShippedPackIsValid() {
		assertThatNoException().isThrownBy(() -> ScoringEngine.fromKnowledge(KNOWLEDGE));
	}

	@Test
	void aScoreForAnUnknownOptionIsRefused() {
		assertRefused((pack) -> object(pack, "factors", "HIRING_POOL", "scores").put("DJANG", 90),
				"/factors/HIRING_POOL/scores/DJANG: unknown option 'DJANG'");
	}

	@Test
	void aScoreTableMissingAnOptionIsRefused() {
		assertRefused((pack) -> object(pack, "factors", "HIRING_POOL", "scores").remove("HYBRID"),
				"/factors/HIRING_POOL/scores: missing option 'HYBRID'");
	}

	@Test
	void aScoreOutsideZeroToAHundredIsRefused() {
		assertRefused((pack) -> object(pack, "factors", "ORM", "scores").put("DJANGO", 120),
				"/factors/ORM/scores/DJANGO: a score is a number from 0 to 100");
	}

	@Test
	void aMissingFieldIsRefused() {
		assertRefused((pack) -> object(pack, "factors", "ORM").remove("label"), "/factors/ORM/label: missing");
	}

	@Test
	void aSourceOutsideTheThreeFormsIsRefused() {
		assertRefused((pack) -> object(pack, "factors", "THROUGHPUT", "evidence", "DJANGO").put("source", "blog:5"),
				"/factors/THROUGHPUT/evidence/DJANGO/source: Not a source reference: 'blog:5'");
	}

	@Test
	void anUndeclaredAssumptionIsRefused() {
		assertRefused((pack) -> object(pack, "factors", "THROUGHPUT").put("scoreSource", "assumption:GUESSWORK"),
				"/factors/THROUGHPUT/scoreSource: assumption:GUESSWORK is not declared");
	}

	@Test
	void aRuleOnAnUnknownFactorIsRefused() {
		assertRefused(
				(pack) -> object(pack, "rules", "THROUGHPUT_MATTERS_AT_SCALE", "effect", "weights").put("SPEED", 2),
				"/rules/THROUGHPUT_MATTERS_AT_SCALE/effect/weights/SPEED: unknown factor 'SPEED'");
	}

	@Test
	void anUnknownConditionIsRefused() {
		assertRefused((pack) -> object(pack, "rules", "THROUGHPUT_MATTERS_AT_SCALE", "when").put("rpsAbove", 5),
				"/rules/THROUGHPUT_MATTERS_AT_SCALE/when/rpsAbove: unknown condition");
	}

	@Test
	void anUnknownProductKindIsRefused() {
		assertRefused(
				(pack) -> ((ArrayNode) object(pack, "rules", "PRODUCT_WINS_ON_TIME_TO_REVENUE", "when").get("kindIn"))
					.add("BLOG"),
				"/rules/PRODUCT_WINS_ON_TIME_TO_REVENUE/when/kindIn/4: unknown ProductKind 'BLOG'");
	}

	@Test
	void askingForTheRecommendationOutsideAdviceIsRefused() {
		assertRefused(
				(pack) -> object(pack, "rules", "THROUGHPUT_MATTERS_AT_SCALE", "when").putArray("recommendationIn")
					.add("DJANGO"),
				"/rules/THROUGHPUT_MATTERS_AT_SCALE/when: recommendationIn is only for advice rules");
	}

	@Test
	void rulesAsAnArrayAreRefusedBecauseOverridesCouldNotMergeThem() {
		assertRefused((pack) -> pack.putArray("rules"), "/rules: missing or not an object (keyed by id");
	}

	private static void assertRefused(Consumer<ObjectNode> breakIt, String message) {
		ObjectNode pack = (ObjectNode) KNOWLEDGE.document("frameworks");
		breakIt.accept(pack);

		assertThatExceptionOfType(InvalidKnowledgeException.class).isThrownBy(() -> ScoringEngine.fromPack(pack))
			.withMessageStartingWith("Invalid decision pack 'django-vs-fastapi' at ")
			.withMessageContaining(message);
	}

	private static ObjectNode object(ObjectNode pack, String... path) {
		JsonNode node = pack;
		for (String name : path) {
			node = node.get(name);
		}
		return (ObjectNode) node;
	}

}
