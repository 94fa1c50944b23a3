package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.knowledge.SourceRef;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
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
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code cost} document and rejects anything the engine could not compute with,
 * naming the JSON pointer of the first problem, so a bad release or a bad what-if
 * override fails before any estimate is made.
 */
final class CostDocumentReader {

	/** Written in the data for a rule that applies whatever the existing framework. */
	private static final String ANY_FRAMEWORK = "ANY";

	private CostDocumentReader() {
	}

	static CostDocument read(JsonNode document) {
		JsonNode root = object(document, "");
		Map<String, SourcedText> declared = new LinkedHashMap<>();
		declare(root, "assumptions", "assumption", "reason", " Reason: ", declared);
		declare(root, "references", "reference", "citation", " Source: ", declared);
		checkSources(root, "", declared.keySet());
		for (String rule : CostDocument.ENGINE_RULES) {
			if (!declared.containsKey(rule)) {
				throw invalid("/assumptions", "must declare " + rule + ", a rule the engine applies");
			}
		}
		Calendar calendar = calendar(field(root, "calendar", ""));
		OnDemandTerms onDemand = onDemand(field(root, "onDemand", ""), calendar);
		FullTimeTerms fullTime = fullTime(field(root, "fullTime", ""));
		Map<String, OptionStaffing> staffing = new LinkedHashMap<>();
		JsonNode staffingNode = field(root, "staffing", "");
		for (Map.Entry<String, JsonNode> option : staffingNode.properties()) {
			staffing.put(option.getKey(), optionStaffing(option.getKey(), option.getValue(), "/staffing"));
		}
		if (staffing.isEmpty()) {
			throw invalid("/staffing", "must have staffing rules for at least one stack option");
		}
		return new CostDocument(onDemand, fullTime, calendar, Map.copyOf(staffing),
				Collections.unmodifiableMap(declared));
	}

	/**
	 * Declarations are shown with every estimate, so their display text is built once.
	 */
	private static void declare(JsonNode root, String section, String kind, String why, String whyLabel,
			Map<String, SourcedText> declared) {
		for (Map.Entry<String, JsonNode> entry : field(root, section, "").properties()) {
			String path = "/" + section + "/" + entry.getKey();
			JsonNode node = object(entry.getValue(), path);
			String source = kind + ":" + entry.getKey();
			declared.put(source, new SourcedText(text(node, "text", path) + whyLabel + text(node, why, path), source));
		}
	}

	/** Every {@code source} anywhere must be well-formed and name a declared id. */
	private static void checkSources(JsonNode node, String path, Set<String> declared) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String childPath = path + "/" + property.getKey();
				if ("source".equals(property.getKey())) {
					source(property.getValue(), childPath, declared);
				}
				else {
					checkSources(property.getValue(), childPath, declared);
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				checkSources(node.get(i), path + "/" + i, declared);
			}
		}
	}

	private static void source(JsonNode value, String path, Set<String> declared) {
		if (!value.isString()) {
			throw invalid(path, "must be a string");
		}
		SourceRef ref;
		try {
			ref = SourceRef.parse(value.asString());
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

	private static Calendar calendar(JsonNode node) {
		Figure weeksPerYear = figure(node, "weeksPerYear", "/calendar");
		positive(weeksPerYear.value(), "/calendar/weeksPerYear/value");
		Figure workingDays = figure(node, "workingDaysPerWeek", "/calendar");
		positive(workingDays.value(), "/calendar/workingDaysPerWeek/value");
		return new Calendar(weeksPerYear, workingDays);
	}

	private static OnDemandTerms onDemand(JsonNode node, Calendar calendar) {
		String path = "/onDemand";
		String provider = text(field(node, "provider", path), "name", path + "/provider");
		Map<Tier, Figure> rates = byTier(field(node, "tiers", path), path + "/tiers", (tier, tierPath) -> {
			BigDecimal rate = decimal(tier, "weeklyUsd", tierPath);
			positive(rate, tierPath + "/weeklyUsd");
			return new Figure(rate, text(tier, "source", tierPath));
		});
		JsonNode trial = field(node, "trial", path);
		Figure freeHours = new Figure(decimal(trial, "freeHours", path + "/trial"),
				text(trial, "source", path + "/trial"));
		notNegative(freeHours.value(), path + "/trial/freeHours");
		Figure creditDays = figure(trial, "credit", path + "/trial", "workingDays");
		notNegative(creditDays.value(), path + "/trial/credit/workingDays");
		if (creditDays.value().compareTo(calendar.workingDaysPerWeek().value()) > 0) {
			throw invalid(path + "/trial/credit/workingDays", "cannot credit more than the working days of a week");
		}
		Figure hoursToFirstCommit = figure(node, "hoursToFirstCommit", path);
		notNegative(hoursToFirstCommit.value(), path + "/hoursToFirstCommit/value");
		return new OnDemandTerms(provider, rates, freeHours, creditDays, hoursToFirstCommit);
	}

	private static FullTimeTerms fullTime(JsonNode node) {
		String path = "/fullTime";
		Map<Tier, RangeFigure> salaries = byTier(field(node, "salaries", path), path + "/salaries",
				(salary, tierPath) -> {
					RangeFigure range = range(salary, "lowUsd", "highUsd", tierPath);
					positive(range.low(), tierPath + "/lowUsd");
					return range;
				});
		JsonNode multiplierNode = field(node, "loadedMultiplier", path);
		RangeFigure multiplier = range(multiplierNode, "low", "high", path + "/loadedMultiplier");
		if (multiplier.low().compareTo(BigDecimal.ONE) < 0) {
			throw invalid(path + "/loadedMultiplier/low", "a loaded multiplier is at least 1");
		}
		Figure costPerHire = figure(node, "costPerHireUsd", path);
		notNegative(costPerHire.value(), path + "/costPerHireUsd/value");
		Figure timeToFill = figure(node, "timeToFillDays", path);
		notNegative(timeToFill.value(), path + "/timeToFillDays/value");
		Figure onboarding = figure(node, "onboardingWeeks", path);
		notNegative(onboarding.value(), path + "/onboardingWeeks/value");
		RangeFigure agencyFee = range(field(node, "agencyFee", path), "lowShare", "highShare", path + "/agencyFee");
		notNegative(agencyFee.low(), path + "/agencyFee/lowShare");
		if (agencyFee.high().compareTo(BigDecimal.ONE) > 0) {
			throw invalid(path + "/agencyFee/highShare", "is a share of a salary, at most 1");
		}
		Figure tenure = figure(node, "minimumTenureWeeks", path);
		notNegative(tenure.value(), path + "/minimumTenureWeeks/value");
		return new FullTimeTerms(salaries, multiplier, costPerHire, timeToFill, onboarding, agencyFee, tenure);
	}

	private static <T> Map<Tier, T> byTier(JsonNode node, String path, BiFunction<JsonNode, String, T> read) {
		object(node, path);
		Set<String> expected = Arrays.stream(Tier.values()).map(Tier::name).collect(Collectors.toSet());
		if (!Set.copyOf(node.propertyNames()).equals(expected)) {
			throw invalid(path,
					"must have exactly the tiers " + Arrays.toString(Tier.values()) + ", has " + node.propertyNames());
		}
		Map<Tier, T> byTier = new EnumMap<>(Tier.class);
		for (Tier tier : Tier.values()) {
			String tierPath = path + "/" + tier.name();
			byTier.put(tier, read.apply(object(node.get(tier.name()), tierPath), tierPath));
		}
		return Collections.unmodifiableMap(byTier);
	}

	private static OptionStaffing optionStaffing(String option, JsonNode node, String parent) {
		String path = parent + "/" + option;
		object(node, path);
		List<RoleRule> roles = new ArrayList<>();
		for (Map.Entry<String, JsonNode> role : field(node, "roles", path).properties()) {
			roles.add(roleRule(role.getKey(), role.getValue(), path + "/roles/" + role.getKey()));
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

	private static RoleRule roleRule(String id, JsonNode node, String path) {
		object(node, path);
		String onlyIf = text(node, "onlyIfExistingFramework", path);
		ExistingFramework onlyIfExisting = ANY_FRAMEWORK.equals(onlyIf) ? null
				: enumValue(ExistingFramework.class, onlyIf, path + "/onlyIfExistingFramework");
		JsonNode unless = node.get("unlessExistingFramework");
		ExistingFramework unlessExisting = (unless == null) ? null : enumValue(ExistingFramework.class,
				text(node, "unlessExistingFramework", path), path + "/unlessExistingFramework");
		return new RoleRule(id, enumValue(Tier.class, text(node, "tier", path), path + "/tier"), onlyIfExisting,
				unlessExisting,
				enumValue(InHouseFill.class, text(node, "filledInHouseBy", path), path + "/filledInHouseBy"),
				sizing(field(node, "sizing", path), path + "/sizing"), text(node, "reason", path),
				text(node, "source", path));
	}

	private static Sizing sizing(JsonNode node, String path) {
		object(node, path);
		String source = text(node, "source", path);
		return switch (text(node, "kind", path)) {
			case "TIMELINE_SHARE" -> new TimelineShare(atLeastOne(node, "count", path), share(node, path),
					node.has("maxWeeks") ? atLeastOne(node, "maxWeeks", path) : null, source);
			case "PER_FEATURES" ->
				new PerFeatures(atLeastOne(node, "featuresPerEngineer", path), atLeastOne(node, "cycleWeeks", path),
						atLeastOne(node, "maxEngineersPerFeature", path), atLeastOne(node, "minCount", path), source);
			case "FIXED_WEEKS" -> new FixedWeeks(atLeastOne(node, "count", path), atLeastOne(node, "weeks", path),
					node.has("extraWeeksIfFeature")
							? extra(field(node, "extraWeeksIfFeature", path), path + "/extraWeeksIfFeature") : null,
					source);
			default -> throw invalid(path + "/kind", "must be TIMELINE_SHARE, PER_FEATURES or FIXED_WEEKS");
		};
	}

	private static FeatureExtra extra(JsonNode node, String path) {
		return new FeatureExtra(enumValue(Feature.class, text(node, "feature", path), path + "/feature"),
				atLeastOne(node, "weeks", path), text(node, "source", path));
	}

	private static BigDecimal share(JsonNode node, String path) {
		BigDecimal share = decimal(node, "timelineShare", path);
		if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
			throw invalid(path + "/timelineShare", "must be above 0 and at most 1, was " + share);
		}
		return share;
	}

	private static MinimumTeam minimumTeam(JsonNode node, String path) {
		object(node, path);
		int engineers = atLeastOne(node, "engineers", path);
		int seniors = integer(node, "seniors", path);
		if (seniors < 0 || seniors > engineers) {
			throw invalid(path + "/seniors", "must be between 0 and the minimum engineers");
		}
		Tier seniorTier = enumValue(Tier.class, text(node, "seniorTier", path), path + "/seniorTier");
		if (!seniorTier.seniorOrAbove()) {
			throw invalid(path + "/seniorTier", "must be a senior tier or above");
		}
		return new MinimumTeam(engineers, seniors, seniorTier,
				enumValue(Tier.class, text(node, "engineerTier", path), path + "/engineerTier"),
				text(node, "reason", path), text(node, "source", path));
	}

	/** A {@code {"value": n, "source": s}} object. */
	private static Figure figure(JsonNode parent, String name, String path) {
		return figure(parent, name, path, "value");
	}

	private static Figure figure(JsonNode parent, String name, String path, String valueField) {
		JsonNode node = field(parent, name, path);
		return new Figure(decimal(node, valueField, path + "/" + name), text(node, "source", path + "/" + name));
	}

	private static RangeFigure range(JsonNode node, String lowField, String highField, String path) {
		BigDecimal low = decimal(node, lowField, path);
		BigDecimal high = decimal(node, highField, path);
		if (low.compareTo(high) > 0) {
			throw invalid(path, lowField + " " + low + " is above " + highField + " " + high);
		}
		return new RangeFigure(low, high, text(node, "source", path));
	}

	private static JsonNode field(JsonNode parent, String name, String path) {
		JsonNode node = parent.get(name);
		if (node == null || node.isNull()) {
			throw invalid(path + "/" + name, "is missing");
		}
		return object(node, path + "/" + name);
	}

	private static JsonNode object(JsonNode node, String path) {
		if (!node.isObject()) {
			throw invalid(path, "must be a JSON object");
		}
		return node;
	}

	private static String text(JsonNode parent, String name, String path) {
		JsonNode node = parent.get(name);
		if (node == null || !node.isString() || node.asString().isBlank()) {
			throw invalid(path + "/" + name, "must be a non-blank string");
		}
		return node.asString();
	}

	/** Money and rates as JSON numbers or as decimal strings, never through a double. */
	private static BigDecimal decimal(JsonNode parent, String name, String path) {
		JsonNode node = parent.get(name);
		if (node != null && node.isNumber()) {
			return node.decimalValue();
		}
		if (node != null && node.isString()) {
			try {
				return new BigDecimal(node.asString());
			}
			catch (NumberFormatException ex) {
				throw invalid(path + "/" + name, "'" + node.asString() + "' is not a decimal number");
			}
		}
		throw invalid(path + "/" + name, "must be a number");
	}

	private static int integer(JsonNode parent, String name, String path) {
		JsonNode node = parent.get(name);
		if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
			throw invalid(path + "/" + name, "must be a whole number");
		}
		return node.intValue();
	}

	private static int atLeastOne(JsonNode parent, String name, String path) {
		int value = integer(parent, name, path);
		if (value < 1) {
			throw invalid(path + "/" + name, "must be at least 1, was " + value);
		}
		return value;
	}

	private static void positive(BigDecimal value, String path) {
		if (value.signum() <= 0) {
			throw invalid(path, "must be above 0, was " + value);
		}
	}

	private static void notNegative(BigDecimal value, String path) {
		if (value.signum() < 0) {
			throw invalid(path, "must not be negative, was " + value);
		}
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String path) {
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(path, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
		}
	}

	private static IllegalArgumentException invalid(String path, String problem) {
		return new IllegalArgumentException(
				String.format(Locale.ROOT, "Invalid cost document at %s: %s", path.isEmpty() ? "/" : path, problem));
	}

}
