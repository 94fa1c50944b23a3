package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.knowledge.InvalidKnowledgeException;
import dev.stackplan.contracts.knowledge.KnowledgeSchema;
import dev.stackplan.contracts.knowledge.KnowledgeSources;
import dev.stackplan.contracts.knowledge.SourceRef;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.costing.engine.CostDocument.Calendar;
import dev.stackplan.costing.engine.CostDocument.FeatureExtra;
import dev.stackplan.costing.engine.CostDocument.Figure;
import dev.stackplan.costing.engine.CostDocument.FixedWeeks;
import dev.stackplan.costing.engine.CostDocument.FullTimeTerms;
import dev.stackplan.costing.engine.CostDocument.InHouseFill;
import dev.stackplan.costing.engine.CostDocument.MinimumTeam;
import dev.stackplan.costing.engine.CostDocument.OnDemandTerms;
import dev.stackplan.costing.engine.CostDocument.OptionStaffing;
import dev.stackplan.costing.engine.CostDocument.PerFeatures;
import dev.stackplan.costing.engine.CostDocument.RangeFigure;
import dev.stackplan.costing.engine.CostDocument.RoleRule;
import dev.stackplan.costing.engine.CostDocument.Sizing;
import dev.stackplan.costing.engine.CostDocument.TimelineShare;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code cost} document. Its keys, types, ranges and enums are those of
 * {@code knowledge/schemas/cost.schema.json} in contracts, checked first; this reader
 * checks what a schema cannot: every source is well-formed and declared, the engine's own
 * rules are declared, no range runs backwards, a trial credits no more than a working
 * week, and every option books someone whatever the in-house team. A bad release or a bad
 * what-if override fails before any estimate is made, naming the JSON pointer of the
 * first problem.
 */
final class CostDocumentReader {

	private static final String NAME = "cost document";

	private static final KnowledgeSchema SCHEMA = KnowledgeSchema.of("cost");

	/**
	 * Binds parts whose shape is a record's; {@code quote} and {@code kind} are notes.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** Written in the data for a rule that applies whatever the existing framework. */
	private static final String ANY_FRAMEWORK = "ANY";

	private CostDocumentReader() {
	}

	static CostDocument read(JsonNode root) {
		SCHEMA.validate(NAME, root);
		Map<String, SourcedText> declared = new LinkedHashMap<>();
		declare(root, "assumptions", "assumption", "reason", " Reason: ", declared);
		declare(root, "references", "reference", "citation", " Source: ", declared);
		// every source anywhere must be well-formed and name a declared id
		KnowledgeSources.forEach(root, "", (path, source) -> source(source.asString(), path, declared.keySet()));
		for (String rule : CostDocument.ENGINE_RULES) {
			if (!declared.containsKey(rule)) {
				throw invalid("/assumptions", "must declare " + rule + ", a rule the engine applies");
			}
		}
		Calendar calendar = new Calendar(bind(root.at("/calendar/weeksPerYear"), Figure.class),
				bind(root.at("/calendar/workingDaysPerWeek"), Figure.class));
		OnDemandTerms onDemand = onDemand(root.get("onDemand"), calendar);
		FullTimeTerms fullTime = fullTime(root.get("fullTime"));
		Map<String, OptionStaffing> staffing = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> option : root.get("staffing").properties()) {
			staffing.put(option.getKey(), optionStaffing(option.getKey(), option.getValue()));
		}
		return new CostDocument(onDemand, fullTime, calendar, Map.copyOf(staffing),
				Collections.unmodifiableMap(declared));
	}

	/**
	 * Declarations are shown with every estimate, so their display text is built once.
	 */
	private static void declare(JsonNode root, String section, String kind, String why, String whyLabel,
			Map<String, SourcedText> declared) {
		for (Map.Entry<String, JsonNode> entry : root.get(section).properties()) {
			JsonNode node = entry.getValue();
			String source = kind + ":" + entry.getKey();
			declared.put(source,
					new SourcedText(node.get("text").asString() + whyLabel + node.get(why).asString(), source));
		}
	}

	private static void source(String source, String path, Set<String> declared) {
		SourceRef ref;
		try {
			ref = SourceRef.parse(source);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(path, ex.getMessage());
		}
		boolean resolves = switch (ref.kind()) {
			case ARTICLE, INFERENCE -> ref.firstLine() >= 1 && ref.firstLine() <= ref.lastLine();
			case ASSUMPTION, REFERENCE -> declared.contains(ref.toString());
		};
		if (!resolves) {
			throw invalid(path, "'" + ref + "' is not a valid line range or not declared in this document");
		}
	}

	private static OnDemandTerms onDemand(JsonNode node, Calendar calendar) {
		Map<Tier, Figure> rates = byTier(node.get("tiers"), "/onDemand/tiers",
				(tier, path) -> new Figure(decimal(tier.get("weeklyUsd")), tier.get("source").asString()));
		JsonNode trial = node.get("trial");
		Figure freeHours = new Figure(trial.get("freeHours").decimalValue(), trial.get("source").asString());
		Figure creditDays = new Figure(trial.at("/credit/workingDays").decimalValue(),
				trial.at("/credit/source").asString());
		if (creditDays.value().compareTo(calendar.workingDaysPerWeek().value()) > 0) {
			throw invalid("/onDemand/trial/credit/workingDays", "cannot credit more than the working days of a week");
		}
		return new OnDemandTerms(node.at("/provider/name").asString(), rates, freeHours, creditDays,
				bind(node.get("hoursToFirstCommit"), Figure.class));
	}

	private static FullTimeTerms fullTime(JsonNode node) {
		String path = "/fullTime";
		return new FullTimeTerms(
				byTier(node.get("salaries"), path + "/salaries",
						(salary, tierPath) -> range(salary, "lowUsd", "highUsd", tierPath)),
				range(node.get("loadedMultiplier"), "low", "high", path + "/loadedMultiplier"),
				bind(node.get("costPerHireUsd"), Figure.class), bind(node.get("timeToFillDays"), Figure.class),
				bind(node.get("onboardingWeeks"), Figure.class),
				range(node.get("agencyFee"), "lowShare", "highShare", path + "/agencyFee"),
				bind(node.get("minimumTenureWeeks"), Figure.class));
	}

	private static <T> Map<Tier, T> byTier(JsonNode node, String path, BiFunction<JsonNode, String, T> read) {
		Map<Tier, T> byTier = new EnumMap<>(Tier.class);
		for (Tier tier : Tier.values()) {
			byTier.put(tier, read.apply(node.get(tier.name()), path + "/" + tier.name()));
		}
		return Collections.unmodifiableMap(byTier);
	}

	private static OptionStaffing optionStaffing(String option, JsonNode node) {
		String path = "/staffing/" + option;
		List<RoleRule> roles = new ArrayList<>();
		for (Map.Entry<String, JsonNode> role : node.get("roles").properties()) {
			roles.add(roleRule(role.getKey(), role.getValue()));
		}
		for (ExistingFramework existing : ExistingFramework.values()) {
			if (roles.stream().noneMatch((role) -> role.alwaysBookedFor(existing))) {
				throw invalid(path + "/roles", "needs a role booked whatever the in-house team (filledInHouseBy NOBODY)"
						+ " for an existing framework " + existing + ", so that every plan has a weekly burn");
			}
		}
		JsonNode minimum = node.get("minimumTeam");
		return new OptionStaffing(option, List.copyOf(roles),
				(minimum != null) ? minimumTeam(minimum, path + "/minimumTeam") : null);
	}

	private static RoleRule roleRule(String id, JsonNode node) {
		String onlyIf = node.get("onlyIfExistingFramework").asString();
		JsonNode unless = node.get("unlessExistingFramework");
		return new RoleRule(id, Tier.valueOf(node.get("tier").asString()),
				ANY_FRAMEWORK.equals(onlyIf) ? null : ExistingFramework.valueOf(onlyIf),
				(unless == null) ? null : ExistingFramework.valueOf(unless.asString()),
				InHouseFill.valueOf(node.get("filledInHouseBy").asString()), sizing(node.get("sizing")),
				node.get("reason").asString(), node.get("source").asString());
	}

	private static Sizing sizing(JsonNode node) {
		return switch (node.get("kind").asString()) {
			case "TIMELINE_SHARE" -> bind(node, TimelineShare.class);
			case "PER_FEATURES" -> bind(node, PerFeatures.class);
			default -> new FixedWeeks(node.get("count").intValue(), node.get("weeks").intValue(),
					node.has("extraWeeksIfFeature") ? bind(node.get("extraWeeksIfFeature"), FeatureExtra.class) : null,
					node.get("source").asString());
		};
	}

	private static MinimumTeam minimumTeam(JsonNode node, String path) {
		MinimumTeam minimum = bind(node, MinimumTeam.class);
		if (minimum.seniors() > minimum.engineers()) {
			throw invalid(path + "/seniors", "must be between 0 and the minimum engineers");
		}
		return minimum;
	}

	private static RangeFigure range(JsonNode node, String lowField, String highField, String path) {
		BigDecimal low = decimal(node.get(lowField));
		BigDecimal high = decimal(node.get(highField));
		if (low.compareTo(high) > 0) {
			throw invalid(path, lowField + " " + low + " is above " + highField + " " + high);
		}
		return new RangeFigure(low, high, node.get("source").asString());
	}

	/** Money as a JSON number or as a decimal string, never through a double. */
	private static BigDecimal decimal(JsonNode node) {
		return node.isString() ? new BigDecimal(node.asString()) : node.decimalValue();
	}

	private static <T> T bind(JsonNode node, Class<T> type) {
		return JSON.treeToValue(node, type);
	}

	private static InvalidKnowledgeException invalid(String path, String problem) {
		return new InvalidKnowledgeException(NAME, path, problem);
	}

}
