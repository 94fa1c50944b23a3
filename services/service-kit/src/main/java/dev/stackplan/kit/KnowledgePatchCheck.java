package dev.stackplan.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.stackplan.contracts.knowledge.InvalidKnowledgeException;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON merge patch over the knowledge base before any engine runs on it: every
 * path must exist (a near miss gets "did you mean"), and the patched knowledge must have
 * the types and lie within the bounds of {@code knowledge/override-bounds.schema.json} in
 * contracts. Shared by what-if scenarios (the gateway) and per-request assumptions
 * (intake), so both refuse the same values with the same words. Each problem is named by
 * its JSON pointer in the knowledge base, e.g.
 * {@code /cost/onDemand/tiers/MID/weeklyUsd}.
 */
public final class KnowledgePatchCheck {

	/** The bounds, versioned with the knowledge data. */
	public static final String BOUNDS_SCHEMA = KnowledgeBase.ROOT + "override-bounds.schema.json";

	/** Numbers stay exact on the way, so the bounds see the value the engines would. */
	private static final ObjectMapper SCHEMA_JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final KnowledgeBase knowledge;

	private final JsonSchema bounds;

	public KnowledgePatchCheck(KnowledgeBase knowledge) {
		this.knowledge = knowledge;
		try (InputStream schema = KnowledgePatchCheck.class.getClassLoader().getResourceAsStream(BOUNDS_SCHEMA)) {
			if (schema == null) {
				throw new IllegalStateException("No override bounds on the class path: " + BOUNDS_SCHEMA);
			}
			this.bounds = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A problem of a patch.
	 *
	 * @param pointer where, in the knowledge base
	 * @param message what is wrong, with the bound it breaks
	 */
	public record Problem(String pointer, String message) {

	}

	/**
	 * Paths the knowledge base does not have; {@code null} removes, anything else under
	 * an existing object must name one of its properties.
	 */
	public List<Problem> unknownPaths(JsonNode patch) {
		List<Problem> problems = new ArrayList<>();
		unknownPaths(this.knowledge.tree(), patch, "", problems);
		return problems;
	}

	/** Values of the patched knowledge outside the types and bounds of the schema. */
	public List<Problem> outOfBounds(KnowledgeBase overridden) {
		List<Problem> problems = new ArrayList<>();
		for (ValidationMessage message : this.bounds.validate(asSchemaTree(overridden.tree()))) {
			problems.add(new Problem(pointerOf(message),
					message.getMessage().replaceFirst("^\\$[^:]*:\\s*", "").replace("integer", "whole number")));
		}
		return problems;
	}

	/**
	 * Why an engine refuses the patched knowledge, if it does.
	 * @param build builds the engine on the patched knowledge
	 * @param document the document the engine reads, e.g. {@code /cost}
	 */
	public static Optional<Problem> engineRefusal(Runnable build, String document) {
		try {
			build.run();
			return Optional.empty();
		}
		catch (InvalidKnowledgeException ex) {
			return Optional.of(new Problem(document + ex.pointer(), ex.problem()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.of(new Problem(document, "these overrides make knowledge the engine cannot use"));
		}
	}

	private static void unknownPaths(JsonNode target, JsonNode patch, String pointer, List<Problem> problems) {
		if (!patch.isObject()) {
			problems.add(new Problem(pointer, "must be a JSON merge patch object over the knowledge base"));
			return;
		}
		List<String> known = new ArrayList<>(target.propertyNames());
		for (Map.Entry<String, JsonNode> property : patch.properties()) {
			String path = pointer + "/" + property.getKey().replace("~", "~0").replace("/", "~1");
			JsonNode existing = target.get(property.getKey());
			if (existing == null) {
				String hint = StrictJson.nearest(property.getKey(), known)
					.map((near) -> "; did you mean '" + near + "'?")
					.orElse("");
				problems.add(new Problem(path, "no such path in the knowledge base" + hint));
			}
			else if (existing.isObject() && property.getValue().isObject()) {
				unknownPaths(existing, property.getValue(), path, problems);
			}
		}
	}

	/** The validator reads its own JSON trees. */
	// fully qualified: Jackson 2's JsonNode, beside the imported Jackson 3 one
	private static com.fasterxml.jackson.databind.JsonNode asSchemaTree(JsonNode tree) {
		try {
			return SCHEMA_JSON.readTree(tree.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code $.cost.onDemand.tiers.MID.weeklyUsd} as a JSON pointer. */
	private static String pointerOf(ValidationMessage message) {
		StringBuilder pointer = new StringBuilder();
		var location = message.getInstanceLocation();
		for (int i = 0; i < location.getNameCount(); i++) {
			pointer.append('/').append(location.getElement(i));
		}
		if ("required".equals(message.getType()) && message.getProperty() != null) {
			pointer.append('/').append(message.getProperty());
		}
		return pointer.toString();
	}

}
