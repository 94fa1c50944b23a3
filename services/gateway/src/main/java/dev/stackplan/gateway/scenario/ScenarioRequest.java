package dev.stackplan.gateway.scenario;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.gateway.InputLimits;
import dev.stackplan.kit.FieldViolation;
import dev.stackplan.kit.StrictJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A validated scenario request. Everything is checked before anything runs or is stored:
 * unknown fields (with "did you mean"), strings the store cannot keep, times outside
 * {@link InputLimits}, and overrides against the knowledge base's paths, types and bounds
 * ({@link KnowledgeOverrides}).
 *
 * @param name its name
 * @param source what to replay
 * @param overrides the JSON merge patch, known to make knowledge the engines accept
 * @param dryRun count only
 */
record ScenarioRequest(String name, ScenarioSource source, JsonNode overrides, boolean dryRun) {

	static final int MAX_NAME_LENGTH = 200;

	static final List<String> FIELDS = List.of("name", "source", "overrides", "dryRun");

	static final List<String> SOURCE_FIELDS = List.of("from", "to", "planIds", "productKinds");

	static ScenarioRequest parse(@Nullable JsonNode body, KnowledgeOverrides knowledge, InputLimits limits) {
		List<FieldViolation> errors = new ArrayList<>();
		if (body == null || !body.isObject()) {
			throw new InvalidScenarioException(List.of(error("$", "must be a JSON object")));
		}
		strictness(StrictJson.unknownFields(body, "", FIELDS), errors);
		strictness(StrictJson.unknownFields(body.get("source"), "source", SOURCE_FIELDS), errors);
		strictness(StrictJson.unstorableText(body), errors);
		JsonNode nameNode = body.path("name");
		String name = nameNode.isString() ? nameNode.asString().strip() : "";
		if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
			errors.add(error("name", "is required: 1 to " + MAX_NAME_LENGTH + " characters"));
		}
		ScenarioSource source = source(body.path("source"), limits, errors);
		JsonNode overrides = body.path("overrides");
		if (overrides.isMissingNode() || overrides.isNull()) {
			overrides = JsonNodeFactory.instance.objectNode();
		}
		else if (!overrides.isObject()) {
			errors.add(error("overrides", "must be a JSON merge patch object over the knowledge base"));
		}
		else if (errors.isEmpty()) {
			// the engines are built only for a request that is otherwise valid
			errors.addAll(knowledge.problems(overrides));
		}
		JsonNode dryRun = body.path("dryRun");
		if (!dryRun.isMissingNode() && !dryRun.isBoolean()) {
			errors.add(error("dryRun", "must be true or false"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidScenarioException(errors);
		}
		return new ScenarioRequest(name, source, overrides, dryRun.asBoolean(false));
	}

	private static @Nullable ScenarioSource source(JsonNode node, InputLimits limits, List<FieldViolation> errors) {
		if (!node.isObject()) {
			errors.add(error("source",
					"is required: {\"from\", \"to\"} or {\"planIds\"}, with optional \"productKinds\""));
			return null;
		}
		List<String> kinds = productKinds(node.path("productKinds"), errors);
		if (node.has("planIds")) {
			if (node.has("from") || node.has("to")) {
				errors.add(error("source", "names plans by planIds or by a from/to range, not both"));
			}
			return new ScenarioSource(null, null, planIds(node.get("planIds"), limits.maxPlanIds(), errors), kinds);
		}
		Instant from = instant(node.path("from"), "source.from", limits, errors);
		Instant to = instant(node.path("to"), "source.to", limits, errors);
		if (from != null && to != null && !from.isBefore(to)) {
			errors.add(error("source.to", "must be after source.from"));
		}
		return new ScenarioSource(from, to, null, kinds);
	}

	private static List<String> productKinds(JsonNode node, List<FieldViolation> errors) {
		List<String> allowed = Arrays.stream(ProductKind.values()).map(Enum::name).toList();
		List<String> kinds = new ArrayList<>();
		if (node.isMissingNode() || node.isNull()) {
			return kinds;
		}
		if (!node.isArray()) {
			errors.add(new FieldViolation("source.productKinds", "must be an array of product kinds", allowed));
			return kinds;
		}
		for (int i = 0; i < node.size(); i++) {
			String kind = node.get(i).asString("");
			if (!node.get(i).isString() || !allowed.contains(kind)) {
				errors.add(new FieldViolation("source.productKinds[" + i + "]", "must be one of " + allowed, allowed));
			}
			kinds.add(kind);
		}
		return kinds;
	}

	private static List<UUID> planIds(JsonNode node, int maxPlanIds, List<FieldViolation> errors) {
		List<UUID> planIds = new ArrayList<>();
		if (!node.isArray() || node.isEmpty() || node.size() > maxPlanIds) {
			errors.add(error("source.planIds", "must be an array of 1 to " + maxPlanIds + " plan ids"));
			return planIds;
		}
		for (int i = 0; i < node.size(); i++) {
			String id = node.get(i).asString("");
			try {
				UUID planId = UUID.fromString(id);
				// only the canonical form: the lenient parser reads "1-1-1-1-1" too
				if (!node.get(i).isString() || !planId.toString().equalsIgnoreCase(id)) {
					throw new IllegalArgumentException(id);
				}
				planIds.add(planId);
			}
			catch (IllegalArgumentException ex) {
				errors.add(error("source.planIds[" + i + "]", "is not a plan id"));
			}
		}
		return planIds;
	}

	private static @Nullable Instant instant(JsonNode node, String field, InputLimits limits,
			List<FieldViolation> errors) {
		Instant instant;
		try {
			instant = Instant.parse(node.asString(""));
		}
		catch (DateTimeParseException ex) {
			errors.add(error(field, "is required: an ISO-8601 instant such as 2026-11-24T00:00:00Z"));
			return null;
		}
		if (!node.isString() || !limits.admits(instant)) {
			errors.add(error(field, "must be an instant " + limits.range()));
			return null;
		}
		return instant;
	}

	/**
	 * Under {@code overrides} a field is named by its knowledge path, as every other
	 * override problem is ({@code overrides/cost/onDemand}).
	 */
	private static void strictness(List<StrictJson.Violation> found, List<FieldViolation> errors) {
		String overrides = "overrides.";
		found.forEach((violation) -> {
			String field = violation.field();
			if (field.startsWith(overrides)) {
				field = "overrides/" + field.substring(overrides.length()).replace('.', '/');
			}
			errors.add(error(field, violation.message()));
		});
	}

	static FieldViolation error(String field, String message) {
		return new FieldViolation(field, message);
	}

}
