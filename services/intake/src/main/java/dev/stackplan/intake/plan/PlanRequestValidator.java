package dev.stackplan.intake.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.kit.FieldViolation;
import dev.stackplan.kit.KnowledgePatchCheck;
import dev.stackplan.kit.StrictJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a request body into a {@link PlanRequest}, or names every field that breaks the
 * contract in {@code contracts/src/main/resources/openapi/plan-api.yaml}. Works on the
 * JSON tree rather than a bound object so that a wrong type, a missing field and an
 * unknown enum value all get the same precise answer. Normalises: names trimmed, features
 * sorted and distinct, optional fields defaulted. A field the contract does not define is
 * refused, never dropped, so a typo cannot change the advice without a word.
 */
public final class PlanRequestValidator {

	static final int MAX_NAME_LENGTH = 200;

	static final int MAX_RPS = 10_000_000;

	static final int MAX_ENGINEERS = 10_000;

	static final int MAX_TIMELINE_WEEKS = 520;

	static final BigDecimal MAX_BUDGET = new BigDecimal("1000000000000");

	static final List<String> REQUEST_FIELDS = List.of("product", "team", "timelineWeeks", "budgetUsd", "assumptions");

	private static final String ASSUMPTIONS = "assumptions";

	/**
	 * Where the assumptions sit in the knowledge base: a patch over the cost document.
	 */
	private static final String ASSUMPTIONS_POINTER = "/" + PlanRequest.ASSUMPTIONS_DOCUMENT;

	private final KnowledgeBase knowledge;

	private final KnowledgePatchCheck check;

	/** On the knowledge this build ships, the one costing and the gateway use. */
	public PlanRequestValidator() {
		this(KnowledgeBase.load());
	}

	public PlanRequestValidator(KnowledgeBase knowledge) {
		this.knowledge = knowledge;
		this.check = new KnowledgePatchCheck(knowledge);
	}

	static final List<String> PRODUCT_FIELDS = List.of("name", "kind", "features", "expectedRps", "existingFramework");

	static final List<String> TEAM_FIELDS = List.of("engineers", "seniorEngineers");

	public PlanRequest validate(@Nullable JsonNode body) {
		List<FieldViolation> violations = new ArrayList<>();
		if (body == null || !body.isObject()) {
			throw new InvalidPlanRequestException(List.of(new FieldViolation("$", "must be a JSON object")));
		}
		strictness(StrictJson.unknownFields(body, "", REQUEST_FIELDS), violations);
		strictness(StrictJson.unknownFields(body.get("product"), "product", PRODUCT_FIELDS), violations);
		strictness(StrictJson.unknownFields(body.get("team"), "team", TEAM_FIELDS), violations);
		strictness(StrictJson.unstorableText(body), violations);
		ProductProfile product = product(body.get("product"), violations);
		Team team = team(body.get("team"), violations);
		Integer timelineWeeks = integer(body.get("timelineWeeks"), "timelineWeeks", 1, MAX_TIMELINE_WEEKS, true,
				violations);
		BigDecimal budget = budget(body.get("budgetUsd"), violations);
		JsonNode assumptions = assumptions(body.get(ASSUMPTIONS), violations);
		if (!violations.isEmpty()) {
			throw new InvalidPlanRequestException(violations);
		}
		return new PlanRequest(product, team, timelineWeeks, budget, assumptions);
	}

	private static void strictness(List<StrictJson.Violation> found, List<FieldViolation> violations) {
		found.forEach((violation) -> violations.add(new FieldViolation(violation.field(), violation.message())));
	}

	private @Nullable ProductProfile product(@Nullable JsonNode node, List<FieldViolation> violations) {
		if (!requireObject(node, "product", violations)) {
			return null;
		}
		String name = name(node.get("name"), violations);
		ProductKind kind = enumValue(node.get("kind"), "product.kind", ProductKind.class, true, violations);
		List<Feature> features = features(node.get("features"), violations);
		Integer rps = integer(node.get("expectedRps"), "product.expectedRps", 0, MAX_RPS, true, violations);
		ExistingFramework existing = enumValue(node.get("existingFramework"), "product.existingFramework",
				ExistingFramework.class, false, violations);
		if (name == null || kind == null || features == null || rps == null) {
			return null;
		}
		return new ProductProfile(name, kind, features, rps, (existing != null) ? existing : ExistingFramework.NONE);
	}

	private @Nullable Team team(@Nullable JsonNode node, List<FieldViolation> violations) {
		if (!requireObject(node, "team", violations)) {
			return null;
		}
		Integer engineers = integer(node.get("engineers"), "team.engineers", 0, MAX_ENGINEERS, true, violations);
		Integer seniors = integer(node.get("seniorEngineers"), "team.seniorEngineers", 0, MAX_ENGINEERS, false,
				violations);
		if (engineers == null) {
			return null;
		}
		try {
			return new Team(engineers, (seniors != null) ? seniors : 0);
		}
		catch (Team.InvalidTeamException ex) {
			violations.add(new FieldViolation("team." + ex.field(), ex.rule()));
			return null;
		}
	}

	private @Nullable String name(@Nullable JsonNode node, List<FieldViolation> violations) {
		if (node == null || node.isNull()) {
			violations.add(new FieldViolation("product.name", "is required"));
			return null;
		}
		if (!node.isString()) {
			violations.add(new FieldViolation("product.name", "must be a string"));
			return null;
		}
		String name = node.asString().strip();
		if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
			violations.add(new FieldViolation("product.name", "must have 1 to " + MAX_NAME_LENGTH + " characters"));
			return null;
		}
		return name;
	}

	private @Nullable List<Feature> features(@Nullable JsonNode node, List<FieldViolation> violations) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			violations
				.add(new FieldViolation("product.features", "must be an array of feature names", names(Feature.class)));
			return null;
		}
		Set<Feature> features = new TreeSet<>();
		boolean valid = true;
		for (int i = 0; i < node.size(); i++) {
			Feature feature = enumValue(node.get(i), "product.features[" + i + "]", Feature.class, true, violations);
			valid &= (feature != null);
			if (feature != null) {
				features.add(feature);
			}
		}
		return valid ? List.copyOf(features) : null;
	}

	private @Nullable BigDecimal budget(@Nullable JsonNode node, List<FieldViolation> violations) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isNumber()) {
			violations.add(new FieldViolation("budgetUsd", "must be a number of US dollars"));
			return null;
		}
		// a tree not read by StrictJson may hold a double that overflowed
		if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
			violations.add(new FieldViolation("budgetUsd", "must be a finite number of US dollars"));
			return null;
		}
		BigDecimal budget = node.decimalValue();
		if (budget.signum() < 0 || budget.compareTo(MAX_BUDGET) > 0) {
			violations.add(new FieldViolation("budgetUsd", "must be between 0 and " + MAX_BUDGET.toPlainString()));
			return null;
		}
		if (budget.stripTrailingZeros().scale() > 2) {
			violations.add(new FieldViolation("budgetUsd", "must have at most two decimals (cents)"));
			return null;
		}
		return budget;
	}

	/**
	 * A client's own figures for the documented assumptions of its plan: a JSON merge
	 * patch over the cost document that only replaces its numbers (salaries, the loaded
	 * multiplier, tier rates, features per engineer, the lead's share...), within the
	 * bounds scenarios have, and accepted by the costing engine. {@code null} when absent
	 * or empty.
	 */
	private @Nullable JsonNode assumptions(@Nullable JsonNode node, List<FieldViolation> violations) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			violations.add(new FieldViolation(ASSUMPTIONS,
					"must be a JSON object of documented cost figures to override, e.g. "
							+ "{\"fullTime\": {\"salaries\": {\"SENIOR\": {\"lowUsd\": 200000}}}}"));
			return null;
		}
		if (node.isEmpty()) {
			return null;
		}
		ObjectNode patch = JsonNodeFactory.instance.objectNode();
		patch.set(PlanRequest.ASSUMPTIONS_DOCUMENT, node);
		int before = violations.size();
		this.check.unknownPaths(patch).forEach((problem) -> violations.add(violation(problem)));
		onlyFigures(this.knowledge.document(PlanRequest.ASSUMPTIONS_DOCUMENT), node, ASSUMPTIONS, violations);
		if (violations.size() > before) {
			return null;
		}
		KnowledgeBase overridden = this.knowledge.withOverrides(patch);
		List<KnowledgePatchCheck.Problem> outOfBounds = this.check.outOfBounds(overridden);
		outOfBounds.forEach((problem) -> violations.add(violation(problem)));
		if (outOfBounds.isEmpty()) {
			KnowledgePatchCheck.engineRefusal(() -> CostEngine.fromKnowledge(overridden), ASSUMPTIONS_POINTER)
				.ifPresent((problem) -> violations.add(violation(problem)));
		}
		return (violations.size() > before) ? null : node.deepCopy();
	}

	/**
	 * Only numbers are assumptions: text (a source, a label) and structure (a role, a
	 * tier) are not the client's to change, and {@code null} would remove a figure.
	 */
	private static void onlyFigures(JsonNode documented, JsonNode patch, String field,
			List<FieldViolation> violations) {
		for (Map.Entry<String, JsonNode> property : patch.properties()) {
			JsonNode existing = documented.get(property.getKey());
			String path = field + "." + property.getKey();
			JsonNode value = property.getValue();
			if (existing == null) {
				continue; // named by the unknown paths
			}
			if (existing.isObject() && value.isObject()) {
				onlyFigures(existing, value, path, violations);
			}
			else if (!existing.isNumber()) {
				violations.add(new FieldViolation(path, existing.isObject() ? "must be an object of documented figures"
						: "is not a figure: only numbers can be overridden"));
			}
			else if (!value.isNumber()) {
				violations.add(new FieldViolation(path, "must be a number (documented: " + existing + ")"));
			}
		}
	}

	/**
	 * {@code /cost/fullTime/salaries/SENIOR/lowUsd} as
	 * {@code assumptions.fullTime.salaries.SENIOR.lowUsd}.
	 */
	private static FieldViolation violation(KnowledgePatchCheck.Problem problem) {
		String pointer = problem.pointer();
		String inside = pointer.startsWith(ASSUMPTIONS_POINTER) ? pointer.substring(ASSUMPTIONS_POINTER.length())
				: pointer;
		String field = ASSUMPTIONS + inside.replace('/', '.').replace("~1", "/").replace("~0", "~");
		return new FieldViolation(field, problem.message());
	}

	private static boolean requireObject(@Nullable JsonNode node, String field, List<FieldViolation> violations) {
		if (node == null || node.isNull()) {
			violations.add(new FieldViolation(field, "is required"));
			return false;
		}
		if (!node.isObject()) {
			violations.add(new FieldViolation(field, "must be a JSON object"));
			return false;
		}
		return true;
	}

	private static @Nullable Integer integer(@Nullable JsonNode node, String field, int min, int max, boolean required,
			List<FieldViolation> violations) {
		if (node == null || node.isNull()) {
			if (required) {
				violations.add(new FieldViolation(field, "is required"));
			}
			return null;
		}
		if (!node.isIntegralNumber()) {
			violations.add(new FieldViolation(field, "must be a whole number between " + min + " and " + max));
			return null;
		}
		if (!node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
			violations.add(new FieldViolation(field, "must be between " + min + " and " + max));
			return null;
		}
		return node.intValue();
	}

	private static <E extends Enum<E>> @Nullable E enumValue(@Nullable JsonNode node, String field, Class<E> type,
			boolean required, List<FieldViolation> violations) {
		if (node == null || node.isNull()) {
			if (required) {
				violations.add(new FieldViolation(field, "is required", names(type)));
			}
			return null;
		}
		if (node.isString()) {
			String value = node.asString().strip().toUpperCase(Locale.ROOT);
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(value)) {
					return constant;
				}
			}
		}
		violations.add(new FieldViolation(field, "must be one of " + names(type), names(type)));
		return null;
	}

	private static List<String> names(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
	}

}
