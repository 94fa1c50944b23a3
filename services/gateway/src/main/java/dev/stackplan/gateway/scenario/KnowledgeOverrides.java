package dev.stackplan.gateway.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.stackplan.contracts.knowledge.InvalidKnowledgeException;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.knowledge.UnknownKnowledgePathException;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.kit.StrictJson;
import dev.stackplan.scoring.engine.ScoringEngine;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a scenario's overrides make a knowledge base the engines can run on,
 * before anything runs: every path must exist (a near miss gets "did you mean"), every
 * value must have the type and lie within the bounds of
 * {@code knowledge/override-bounds.schema.json} in contracts, and the engines must accept
 * the result. Each problem is named by its path under {@code overrides}, e.g.
 * {@code overrides/cost/onDemand/tiers/MID/weeklyUsd}.
 */
final class KnowledgeOverrides {

	/** The bounds, versioned with the knowledge data. */
	static final String BOUNDS_SCHEMA = KnowledgeBase.ROOT + "override-bounds.schema.json";

	private static final String FIELD = "overrides";

	/** Numbers stay exact on the way, so the bounds see the value the engines would. */
	private static final ObjectMapper SCHEMA_JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final KnowledgeBase knowledge;

	private final JsonSchema bounds;

	KnowledgeOverrides(KnowledgeBase knowledge) {
		this.knowledge = knowledge;
		try (InputStream schema = KnowledgeOverrides.class.getClassLoader().getResourceAsStream(BOUNDS_SCHEMA)) {
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
	 * Every problem of the overrides, each with its {@code field} and {@code message}.
	 */
	List<Map<String, Object>> problems(JsonNode overrides) {
		List<Map<String, Object>> problems = new ArrayList<>();
		unknownPaths(this.knowledge.tree(), overrides, "", problems);
		if (!problems.isEmpty()) {
			return problems;
		}
		KnowledgeBase overridden;
		try {
			overridden = this.knowledge.withOverrides(overrides);
		}
		catch (UnknownKnowledgePathException ex) {
			return List.of(problem(FIELD + ex.path(), ex.getMessage()));
		}
		for (ValidationMessage message : this.bounds.validate(asSchemaTree(overridden.tree()))) {
			problems.add(problem(FIELD + pointerOf(message),
					message.getMessage().replaceFirst("^\\$[^:]*:\\s*", "").replace("integer", "whole number")));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		engineRefusal(() -> ScoringEngine.fromKnowledge(overridden), "/frameworks", problems);
		engineRefusal(() -> CostEngine.fromKnowledge(overridden), "/cost", problems);
		return problems;
	}

	/**
	 * Paths the knowledge base does not have; {@code null} removes, anything else under
	 * an existing object must name one of its properties.
	 */
	private static void unknownPaths(JsonNode target, JsonNode patch, String pointer,
			List<Map<String, Object>> problems) {
		if (!patch.isObject()) {
			problems.add(problem(FIELD + pointer, "must be a JSON merge patch object over the knowledge base"));
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
				problems.add(problem(FIELD + path, "no such path in the knowledge base" + hint));
			}
			else if (existing.isObject() && property.getValue().isObject()) {
				unknownPaths(existing, property.getValue(), path, problems);
			}
		}
	}

	private static void engineRefusal(Runnable build, String document, List<Map<String, Object>> problems) {
		try {
			build.run();
		}
		catch (InvalidKnowledgeException ex) {
			problems.add(problem(FIELD + document + ex.pointer(), ex.problem()));
		}
		catch (IllegalArgumentException ex) {
			problems.add(problem(FIELD + document, "these overrides make knowledge the engine cannot use"));
		}
	}

	/** The validator reads its own JSON trees. */
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

	private static Map<String, Object> problem(String field, String message) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("field", field);
		problem.put("message", message);
		return problem;
	}

}
