package dev.stackplan.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.knowledge.InvalidKnowledgeException;
import dev.stackplan.contracts.knowledge.KnowledgeSchema;
import dev.stackplan.contracts.knowledge.KnowledgeSources;
import dev.stackplan.contracts.knowledge.SourceRef;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.scoring.engine.DecisionPack.AdviceEffect;
import dev.stackplan.scoring.engine.DecisionPack.Conditional;
import dev.stackplan.scoring.engine.DecisionPack.Factor;
import dev.stackplan.scoring.engine.DecisionPack.Option;
import dev.stackplan.scoring.engine.DecisionPack.Rule;
import dev.stackplan.scoring.engine.DecisionPack.WeightModifier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a decision pack document. Its keys, types, ranges and enums are those of
 * {@code knowledge/schemas/frameworks.schema.json} in contracts, checked first; this
 * reader checks what a schema cannot: every id a pack names exists (a score table names
 * every option exactly once), every source is well-formed and declared in the pack, and
 * only advice asks for the recommendation. Each refusal names the JSON pointer of the
 * problem.
 */
final class PackReader {

	private static final KnowledgeSchema SCHEMA = KnowledgeSchema.of("frameworks");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, ToIntFunction<ProfileFacts>> PROFILE_NUMBERS = Map.of("expectedRps",
			ProfileFacts::expectedRps, "engineers", ProfileFacts::engineers, "seniorEngineers",
			ProfileFacts::seniorEngineers, "timelineWeeks", ProfileFacts::timelineWeeks);

	private final JsonNode document;

	private final String pack;

	private final Map<String, String> declared = new LinkedHashMap<>();

	private final Set<String> optionIds = new LinkedHashSet<>();

	private final Set<String> factorIds = new LinkedHashSet<>();

	private PackReader(JsonNode document) {
		this.document = document;
		this.pack = document.path("pack").isString() ? document.path("pack").asString() : "?";
	}

	static DecisionPack read(JsonNode document) {
		return new PackReader(document).read();
	}

	private DecisionPack read() {
		SCHEMA.validate(name(), this.document);
		for (String section : List.of("assumptions", "references")) {
			forEachEntry(this.document.path(section), "/" + section, (id, node, pointer) -> this.declared
				.put(section.substring(0, section.length() - 1) + ":" + id, node.get("text").asString()));
		}
		// every source, also those no later step reads, is well-formed and declared
		KnowledgeSources.forEach(this.document, "", (pointer, source) -> checkSource(source.asString(), pointer));
		List<Option> options = readOptions();
		List<Factor> factors = readFactors();
		List<WeightModifier> modifiers = new ArrayList<>();
		forEachEntry(this.document.path("weightModifiers"), "/weightModifiers",
				(id, node, pointer) -> modifiers.add(readWeightModifier(id, node, pointer)));
		List<Rule> rules = new ArrayList<>();
		forEachEntry(this.document.get("rules"), "/rules", (id, node, pointer) -> rules.add(readRule(id, node)));
		SourcedText disclosure = this.document.has("sourceDisclosure")
				? statement(this.document.get("sourceDisclosure")) : null;
		SensitivitySearch sensitivity = this.document.has("sensitivity")
				? JSON.treeToValue(this.document.get("sensitivity"), SensitivitySearch.class) : null;
		return new DecisionPack(this.pack, options, factors, modifiers, rules, this.declared, disclosure, sensitivity);
	}

	private String name() {
		return "decision pack '" + this.pack + "'";
	}

	private void checkSource(String source, String pointer) {
		SourceRef ref;
		try {
			ref = SourceRef.parse(source);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(pointer, ex.getMessage());
		}
		if (ref.citesArticleLines() && ref.firstLine() > ref.lastLine()) {
			throw invalid(pointer, "article range runs backwards: " + source);
		}
		if (!ref.citesArticleLines() && !this.declared.containsKey(source)) {
			throw invalid(pointer, source + " is not declared in this pack's "
					+ ((ref.kind() == SourceRef.Kind.ASSUMPTION) ? "assumptions" : "references"));
		}
	}

	private List<Option> readOptions() {
		List<Option> options = new ArrayList<>();
		forEachEntry(this.document.get("options"), "/options", (id, node, pointer) -> {
			String label = node.get("label").asString();
			String text = node.has("text") ? node.get("text").asString() : label;
			options.add(new Option(id, label, new SourcedText(text, node.get("source").asString())));
			this.optionIds.add(id);
		});
		return options;
	}

	private List<Factor> readFactors() {
		List<Factor> factors = new ArrayList<>();
		JsonNode factorNodes = this.document.get("factors");
		this.factorIds.addAll(factorNodes.propertyNames());
		forEachEntry(factorNodes, "/factors", (id, node, pointer) -> {
			Map<String, SourcedText> evidence = new LinkedHashMap<>();
			forEachOption(node.get("evidence"), pointer + "/evidence",
					(option, entry, entryPointer) -> evidence.put(option, statement(entry)));
			factors.add(new Factor(id, node.get("label").asString(), node.get("weight").decimalValue(),
					node.get("weightSource").asString(), readScores(node.get("scores"), pointer + "/scores"),
					node.get("scoreSource").asString(), evidence));
		});
		return factors;
	}

	/** Scores of every option; a table that misses an option is refused. */
	private Map<String, BigDecimal> readScores(JsonNode scores, String pointer) {
		Map<String, BigDecimal> byOption = new LinkedHashMap<>();
		forEachOption(scores, pointer, (option, value, valuePointer) -> byOption.put(option,
				value.decimalValue().setScale(1, RoundingMode.HALF_UP)));
		return byOption;
	}

	private WeightModifier readWeightModifier(String id, JsonNode node, String pointer) {
		Condition when = readWhen(node.get("when"), pointer + "/when");
		if (when.asksForRecommendation()) {
			throw invalid(pointer + "/when", "recommendationIn is only for advice rules");
		}
		return new WeightModifier(id, when, readMultipliers(node.get("multiply"), pointer + "/multiply"),
				statement(node), node.get("sizeSource").asString());
	}

	private Rule readRule(String id, JsonNode node) {
		String pointer = "/rules/" + id;
		Condition when = readWhen(node.get("when"), pointer + "/when");
		JsonNode effect = node.get("effect");
		String effectPointer = pointer + "/effect";
		Map<String, BigDecimal> weights = effect.has("weights")
				? readMultipliers(effect.get("weights"), effectPointer + "/weights") : Map.of();
		Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>();
		forEachEntry(effect.path("scores"), effectPointer + "/scores", (factor, table, tablePointer) -> {
			requireFactor(factor, tablePointer);
			scores.put(factor, readScores(table, tablePointer));
		});
		String ineligible = optionalText(effect, "ineligible");
		if (ineligible != null) {
			requireOption(ineligible, effectPointer + "/ineligible");
		}
		Conditional conditional = null;
		if (effect.has("conditional")) {
			JsonNode conditionalNode = effect.get("conditional");
			String option = conditionalNode.get("option").asString();
			requireOption(option, effectPointer + "/conditional/option");
			conditional = new Conditional(option, optionalText(conditionalNode, "bookedRole"));
		}
		AdviceEffect advice = null;
		if (effect.has("advice")) {
			advice = readAdvice(effect.get("advice"), effectPointer + "/advice");
		}
		else if (when.asksForRecommendation()) {
			throw invalid(pointer + "/when", "recommendationIn is only for advice rules");
		}
		return new Rule(id, when, statement(node), weights, optionalText(effect, "sizeSource"), scores,
				optionalText(effect, "scoreSource"), ineligible, conditional, advice);
	}

	private AdviceEffect readAdvice(JsonNode advice, String pointer) {
		String leaves = optionalText(advice, "leaves");
		if (leaves != null) {
			requireOption(leaves, pointer + "/leaves");
		}
		BigDecimal effort = advice.has("effortEngineerWeeks") ? advice.get("effortEngineerWeeks").decimalValue() : null;
		return new AdviceEffect(advice.get("kind").asString(), effort, optionalText(advice, "effortSource"), leaves);
	}

	private Map<String, BigDecimal> readMultipliers(JsonNode multipliers, String pointer) {
		Map<String, BigDecimal> byFactor = new LinkedHashMap<>();
		forEachEntry(multipliers, pointer, (factor, value, valuePointer) -> {
			requireFactor(factor, valuePointer);
			byFactor.put(factor, value.decimalValue());
		});
		return byFactor;
	}

	/** The condition vocabulary; every clause of one object must hold. */
	private Condition readWhen(JsonNode when, String pointer) {
		List<Condition> clauses = new ArrayList<>();
		forEachEntry(when, pointer, (clause, value, clausePointer) -> clauses.add(switch (clause) {
			case "kindIn" -> new Condition.KindIn(enumSet(value, ProductKind.class));
			case "featuresAny" -> new Condition.FeaturesAny(enumSet(value, Feature.class));
			case "featuresAll" -> new Condition.FeaturesAll(enumSet(value, Feature.class));
			case "featureCount" ->
				new Condition.FeatureCount(enumSet(value.get("of"), Feature.class), value.get("atLeast").intValue());
			case "existingFrameworkIn" -> new Condition.ExistingFrameworkIn(enumSet(value, ExistingFramework.class));
			case "recommendationIn" -> new Condition.RecommendationIn(recommendations(value, clausePointer));
			case "anyOf" -> readAnyOf(value, clausePointer);
			default -> new Condition.Within(clause, PROFILE_NUMBERS.get(clause), optionalInt(value, "atLeast"),
					optionalInt(value, "below"));
		}));
		return new Condition.AllOf(clauses);
	}

	private Condition readAnyOf(JsonNode alternatives, String pointer) {
		List<Condition> conditions = new ArrayList<>();
		forEachEntry(alternatives, pointer,
				(id, node, alternativePointer) -> conditions.add(readWhen(node, alternativePointer)));
		return new Condition.AnyOf(conditions);
	}

	private Set<String> recommendations(JsonNode options, String pointer) {
		Set<String> recommendations = new LinkedHashSet<>();
		for (JsonNode option : options) {
			requireOption(option.asString(), pointer);
			recommendations.add(option.asString());
		}
		return Set.copyOf(recommendations);
	}

	private static <E extends Enum<E>> Set<E> enumSet(JsonNode names, Class<E> type) {
		Set<E> set = EnumSet.noneOf(type);
		names.forEach((name) -> set.add(Enum.valueOf(type, name.asString())));
		return Set.copyOf(set);
	}

	private static SourcedText statement(JsonNode node) {
		return new SourcedText(node.get("text").asString(), node.get("source").asString());
	}

	private static @Nullable String optionalText(JsonNode node, String name) {
		return node.has(name) ? node.get(name).asString() : null;
	}

	private static @Nullable Integer optionalInt(JsonNode node, String name) {
		return node.has(name) ? node.get(name).intValue() : null;
	}

	private void requireOption(String option, String pointer) {
		if (!this.optionIds.contains(option)) {
			throw invalid(pointer, "unknown option '" + option + "'; options are " + this.optionIds);
		}
	}

	private void requireFactor(String factor, String pointer) {
		if (!this.factorIds.contains(factor)) {
			throw invalid(pointer, "unknown factor '" + factor + "'; factors are " + this.factorIds);
		}
	}

	/** Visits an object keyed by option id that must name every option exactly once. */
	private void forEachOption(JsonNode byOption, String pointer, EntryVisitor visitor) {
		forEachEntry(byOption, pointer, (option, value, valuePointer) -> {
			requireOption(option, valuePointer);
			visitor.visit(option, value, valuePointer);
		});
		for (String option : this.optionIds) {
			if (!byOption.has(option)) {
				throw invalid(pointer, "missing option '" + option + "'");
			}
		}
	}

	private static void forEachEntry(JsonNode object, String pointer, EntryVisitor visitor) {
		for (Map.Entry<String, JsonNode> entry : object.properties()) {
			visitor.visit(entry.getKey(), entry.getValue(), pointer + "/" + entry.getKey());
		}
	}

	private InvalidKnowledgeException invalid(String pointer, String problem) {
		return new InvalidKnowledgeException(name(), pointer, problem);
	}

	@FunctionalInterface
	private interface EntryVisitor {

		void visit(String id, JsonNode value, String pointer);

	}

}
