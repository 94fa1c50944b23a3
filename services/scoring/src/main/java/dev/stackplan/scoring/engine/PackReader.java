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
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import dev.stackplan.contracts.event.SourcedText;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.jspecify.annotations.Nullable;

/**
 * Reads a decision pack document and refuses anything it cannot score with, naming the
 * JSON pointer of the problem. Unknown keys are refused too, so a misspelt field or
 * condition fails here instead of being silently ignored.
 */
final class PackReader {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final Set<String> PACK_KEYS = Set.of("pack", "title", "description", "sourceDisclosure", "options",
			"factors", "weightModifiers", "rules", "assumptions", "references", "sensitivity");

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
		this.pack = document.isObject() && document.path("pack").isString() ? document.path("pack").asString() : "?";
	}

	static DecisionPack read(JsonNode document) {
		return new PackReader(document).read();
	}

	private DecisionPack read() {
		if (!this.document.isObject()) {
			throw invalid("", "a decision pack is a JSON object");
		}
		allowOnly(this.document, "", PACK_KEYS);
		requiredText(this.document, "", "pack");
		readDeclarations("assumptions", "reason");
		readDeclarations("references", "citation");
		checkEverySource(this.document, "");
		List<Option> options = readOptions();
		List<Factor> factors = readFactors();
		List<WeightModifier> modifiers = new ArrayList<>();
		forEachEntry(optionalObject(this.document, "", "weightModifiers"), "/weightModifiers",
				(id, node, pointer) -> modifiers.add(readWeightModifier(id, node, pointer)));
		List<Rule> rules = new ArrayList<>();
		forEachEntry(requiredObject(this.document, "", "rules"), "/rules",
				(id, node, pointer) -> rules.add(readRule(id, node, pointer)));
		SourcedText disclosure = this.document.has("sourceDisclosure")
				? statement(requiredObject(this.document, "", "sourceDisclosure"), "/sourceDisclosure") : null;
		SensitivitySearch sensitivity = this.document.has("sensitivity")
				? readSensitivity(requiredObject(this.document, "", "sensitivity"), "/sensitivity") : null;
		return new DecisionPack(this.pack, options, factors, modifiers, rules, this.declared, disclosure, sensitivity);
	}

	private SensitivitySearch readSensitivity(JsonNode node, String pointer) {
		allowOnly(node, pointer, Set.of("costChangeShare", "teamStep", "timelineFactors", "budgetFactors", "source"));
		BigDecimal share = requiredNumber(node, pointer, "costChangeShare");
		if (share.signum() <= 0) {
			throw invalid(pointer + "/costChangeShare", "a share of the cost is positive");
		}
		int step = requiredInt(node, pointer, "teamStep");
		if (step < 1) {
			throw invalid(pointer + "/teamStep", "a team step is at least one engineer");
		}
		return new SensitivitySearch(share, step, factors(node, pointer, "timelineFactors"),
				factors(node, pointer, "budgetFactors"), requiredSource(node, pointer, "source"));
	}

	private List<BigDecimal> factors(JsonNode node, String pointer, String name) {
		JsonNode values = node.get(name);
		if (values == null || !values.isArray() || values.isEmpty()) {
			throw invalid(pointer + "/" + name, "expected a non-empty array of positive factors");
		}
		List<BigDecimal> factors = new ArrayList<>();
		for (JsonNode value : values) {
			if (!value.isNumber() || value.decimalValue().signum() <= 0) {
				throw invalid(pointer + "/" + name, "a factor is a positive number, not " + value);
			}
			factors.add(value.decimalValue());
		}
		return factors;
	}

	private void readDeclarations(String section, String explanation) {
		forEachEntry(optionalObject(this.document, "", section), "/" + section, (id, node, pointer) -> {
			allowOnly(node, pointer, Set.of("text", explanation));
			this.declared.put(section.substring(0, section.length() - 1) + ":" + id,
					requiredText(node, pointer, "text"));
			requiredText(node, pointer, explanation);
		});
	}

	/**
	 * Every {@code source} and every {@code ...Source} anywhere in the pack, so a source
	 * a later reader does not look at still cannot be malformed or dangling.
	 */
	private void checkEverySource(JsonNode node, String pointer) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String path = pointer + "/" + property.getKey();
				if (property.getKey().equals("source") || property.getKey().endsWith("Source")) {
					checkSource(property.getValue(), path);
				}
				else {
					checkEverySource(property.getValue(), path);
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				checkEverySource(node.get(i), pointer + "/" + i);
			}
		}
	}

	private String checkSource(JsonNode value, String pointer) {
		if (!value.isString()) {
			throw invalid(pointer, "a source is a string such as article:12, assumption:ID or reference:ID");
		}
		String source = value.asString();
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
		return source;
	}

	private List<Option> readOptions() {
		List<Option> options = new ArrayList<>();
		forEachEntry(requiredObject(this.document, "", "options"), "/options", (id, node, pointer) -> {
			allowOnly(node, pointer, Set.of("label", "text", "source", "quote"));
			String label = requiredText(node, pointer, "label");
			String text = node.has("text") ? requiredText(node, pointer, "text") : label;
			options.add(new Option(id, label, new SourcedText(text, requiredSource(node, pointer, "source"))));
			this.optionIds.add(id);
		});
		if (options.isEmpty()) {
			throw invalid("/options", "a pack needs at least one option");
		}
		return options;
	}

	private List<Factor> readFactors() {
		List<Factor> factors = new ArrayList<>();
		forEachEntry(requiredObject(this.document, "", "factors"), "/factors",
				(id, node, pointer) -> this.factorIds.add(id));
		forEachEntry(requiredObject(this.document, "", "factors"), "/factors", (id, node, pointer) -> {
			allowOnly(node, pointer,
					Set.of("label", "description", "weight", "weightSource", "scores", "scoreSource", "evidence"));
			BigDecimal weight = requiredNumber(node, pointer, "weight");
			if (weight.signum() < 0) {
				throw invalid(pointer + "/weight", "a weight cannot be negative");
			}
			Map<String, SourcedText> evidence = new LinkedHashMap<>();
			JsonNode evidenceNode = requiredObject(node, pointer, "evidence");
			forEachOption(evidenceNode, pointer + "/evidence", (option, entry, entryPointer) -> {
				allowOnly(entry, entryPointer, Set.of("text", "source", "quote"));
				evidence.put(option, new SourcedText(requiredText(entry, entryPointer, "text"),
						requiredSource(entry, entryPointer, "source")));
			});
			factors.add(new Factor(id, requiredText(node, pointer, "label"), weight,
					requiredSource(node, pointer, "weightSource"),
					readScores(requiredObject(node, pointer, "scores"), pointer + "/scores"),
					requiredSource(node, pointer, "scoreSource"), evidence));
		});
		if (factors.isEmpty()) {
			throw invalid("/factors", "a pack needs at least one factor");
		}
		return factors;
	}

	/** Scores of every option, 0-100; a table that misses an option is refused. */
	private Map<String, BigDecimal> readScores(JsonNode scores, String pointer) {
		Map<String, BigDecimal> byOption = new LinkedHashMap<>();
		forEachOption(scores, pointer, (option, value, valuePointer) -> {
			if (!value.isNumber()) {
				throw invalid(valuePointer, "a score is a number from 0 to 100");
			}
			BigDecimal score = value.decimalValue();
			if (score.signum() < 0 || score.compareTo(HUNDRED) > 0) {
				throw invalid(valuePointer, "a score is a number from 0 to 100, not " + score);
			}
			byOption.put(option, score.setScale(1, RoundingMode.HALF_UP));
		});
		return byOption;
	}

	private WeightModifier readWeightModifier(String id, JsonNode node, String pointer) {
		allowOnly(node, pointer, Set.of("when", "multiply", "text", "source", "quote", "sizeSource"));
		Condition when = readWhen(requiredObject(node, pointer, "when"), pointer + "/when");
		if (when.asksForRecommendation()) {
			throw invalid(pointer + "/when", "recommendationIn is only for advice rules");
		}
		return new WeightModifier(id, when,
				readMultipliers(requiredObject(node, pointer, "multiply"), pointer + "/multiply"),
				statement(node, pointer), requiredSource(node, pointer, "sizeSource"));
	}

	private Rule readRule(String id, JsonNode node, String pointer) {
		allowOnly(node, pointer, Set.of("when", "effect", "text", "source", "quote"));
		Condition when = readWhen(requiredObject(node, pointer, "when"), pointer + "/when");
		JsonNode effect = requiredObject(node, pointer, "effect");
		String effectPointer = pointer + "/effect";
		allowOnly(effect, effectPointer,
				Set.of("weights", "sizeSource", "scores", "scoreSource", "ineligible", "conditional", "advice"));
		if (effect.size() == 0) {
			throw invalid(effectPointer, "a rule needs an effect: weights, scores, ineligible, conditional or advice");
		}
		Map<String, BigDecimal> weights = Map.of();
		String sizeSource = null;
		if (effect.has("weights")) {
			weights = readMultipliers(requiredObject(effect, effectPointer, "weights"), effectPointer + "/weights");
			sizeSource = requiredSource(effect, effectPointer, "sizeSource");
		}
		Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>();
		String scoreSource = null;
		if (effect.has("scores")) {
			forEachEntry(requiredObject(effect, effectPointer, "scores"), effectPointer + "/scores",
					(factor, table, tablePointer) -> {
						requireFactor(factor, tablePointer);
						if (!table.isObject()) {
							throw invalid(tablePointer, "expected an object of scores keyed by option");
						}
						scores.put(factor, readScores(table, tablePointer));
					});
			scoreSource = requiredSource(effect, effectPointer, "scoreSource");
		}
		String ineligible = null;
		if (effect.has("ineligible")) {
			ineligible = requiredText(effect, effectPointer, "ineligible");
			requireOption(ineligible, effectPointer + "/ineligible");
		}
		Conditional conditional = null;
		if (effect.has("conditional")) {
			JsonNode conditionalNode = requiredObject(effect, effectPointer, "conditional");
			String conditionalPointer = effectPointer + "/conditional";
			allowOnly(conditionalNode, conditionalPointer, Set.of("option", "bookedRole"));
			String option = requiredText(conditionalNode, conditionalPointer, "option");
			requireOption(option, conditionalPointer + "/option");
			conditional = new Conditional(option, conditionalNode.has("bookedRole")
					? requiredText(conditionalNode, conditionalPointer, "bookedRole") : null);
		}
		AdviceEffect advice = null;
		if (effect.has("advice")) {
			if (effect.size() > 1) {
				throw invalid(effectPointer,
						"advice is given after the ranking, so it cannot be combined with other effects");
			}
			advice = readAdvice(requiredObject(effect, effectPointer, "advice"), effectPointer + "/advice");
		}
		else if (when.asksForRecommendation()) {
			throw invalid(pointer + "/when", "recommendationIn is only for advice rules");
		}
		return new Rule(id, when, statement(node, pointer), weights, sizeSource, scores, scoreSource, ineligible,
				conditional, advice);
	}

	private AdviceEffect readAdvice(JsonNode advice, String pointer) {
		allowOnly(advice, pointer, Set.of("kind", "effortEngineerWeeks", "effortSource", "leaves"));
		BigDecimal effort = null;
		String effortSource = null;
		if (advice.has("effortEngineerWeeks")) {
			effort = requiredNumber(advice, pointer, "effortEngineerWeeks");
			if (effort.signum() <= 0) {
				throw invalid(pointer + "/effortEngineerWeeks", "an effort is positive");
			}
			effortSource = requiredSource(advice, pointer, "effortSource");
		}
		else if (advice.has("effortSource")) {
			throw invalid(pointer + "/effortSource", "a source for an effort that is not given");
		}
		String leaves = null;
		if (advice.has("leaves")) {
			leaves = requiredText(advice, pointer, "leaves");
			requireOption(leaves, pointer + "/leaves");
		}
		return new AdviceEffect(requiredText(advice, pointer, "kind"), effort, effortSource, leaves);
	}

	private Map<String, BigDecimal> readMultipliers(JsonNode multipliers, String pointer) {
		Map<String, BigDecimal> byFactor = new LinkedHashMap<>();
		forEachEntry(multipliers, pointer, (factor, value, valuePointer) -> {
			requireFactor(factor, valuePointer);
			if (!value.isNumber() || value.decimalValue().signum() < 0) {
				throw invalid(valuePointer, "a weight multiplier is a number of at least 0");
			}
			byFactor.put(factor, value.decimalValue());
		});
		if (byFactor.isEmpty()) {
			throw invalid(pointer, "name at least one factor");
		}
		return byFactor;
	}

	/** The condition vocabulary; every clause of one object must hold. */
	private Condition readWhen(JsonNode when, String pointer) {
		if (!when.isObject()) {
			throw invalid(pointer, "a condition is a JSON object of clauses");
		}
		List<Condition> clauses = new ArrayList<>();
		for (Map.Entry<String, JsonNode> clause : when.properties()) {
			String clausePointer = pointer + "/" + clause.getKey();
			JsonNode value = clause.getValue();
			clauses.add(switch (clause.getKey()) {
				case "kindIn" -> new Condition.KindIn(enumSet(value, clausePointer, ProductKind.class));
				case "featuresAny" -> new Condition.FeaturesAny(enumSet(value, clausePointer, Feature.class));
				case "featuresAll" -> new Condition.FeaturesAll(enumSet(value, clausePointer, Feature.class));
				case "featureCount" -> readFeatureCount(value, clausePointer);
				case "expectedRps", "engineers", "seniorEngineers", "timelineWeeks" ->
					readWithin(clause.getKey(), value, clausePointer);
				case "existingFrameworkIn" ->
					new Condition.ExistingFrameworkIn(enumSet(value, clausePointer, ExistingFramework.class));
				case "recommendationIn" -> new Condition.RecommendationIn(
						Set.copyOf(strings(value, clausePointer, (option) -> requireOption(option, clausePointer))));
				case "anyOf" -> readAnyOf(value, clausePointer);
				default -> throw invalid(clausePointer, "unknown condition; use kindIn, featuresAny, featuresAll, "
						+ "featureCount, expectedRps, engineers, seniorEngineers, timelineWeeks, existingFrameworkIn, "
						+ "recommendationIn or anyOf");
			});
		}
		return new Condition.AllOf(clauses);
	}

	private Condition readAnyOf(JsonNode alternatives, String pointer) {
		if (!alternatives.isObject() || alternatives.size() == 0) {
			throw invalid(pointer, "anyOf is an object of conditions keyed by id");
		}
		List<Condition> conditions = new ArrayList<>();
		forEachEntry(alternatives, pointer,
				(id, node, alternativePointer) -> conditions.add(readWhen(node, alternativePointer)));
		return new Condition.AnyOf(conditions);
	}

	private Condition readFeatureCount(JsonNode count, String pointer) {
		if (!count.isObject()) {
			throw invalid(pointer, "featureCount is {\"of\": [features], \"atLeast\": n}");
		}
		allowOnly(count, pointer, Set.of("of", "atLeast", "source", "quote"));
		return new Condition.FeatureCount(enumSet(count.path("of"), pointer + "/of", Feature.class),
				requiredInt(count, pointer, "atLeast"));
	}

	private Condition readWithin(String name, JsonNode range, String pointer) {
		if (!range.isObject()) {
			throw invalid(pointer, name + " is {\"atLeast\": n} and/or {\"below\": n}");
		}
		allowOnly(range, pointer, Set.of("atLeast", "below", "source", "quote"));
		Integer atLeast = range.has("atLeast") ? requiredInt(range, pointer, "atLeast") : null;
		Integer below = range.has("below") ? requiredInt(range, pointer, "below") : null;
		if (atLeast == null && below == null) {
			throw invalid(pointer, name + " needs atLeast, below or both");
		}
		return new Condition.Within(name, PROFILE_NUMBERS.get(name), atLeast, below);
	}

	private <E extends Enum<E>> Set<E> enumSet(JsonNode values, String pointer, Class<E> type) {
		Set<E> set = EnumSet.noneOf(type);
		strings(values, pointer, (name) -> {
			try {
				set.add(Enum.valueOf(type, name));
			}
			catch (IllegalArgumentException ex) {
				throw invalid(pointer,
						"unknown " + type.getSimpleName() + " '" + name + "'; known are " + EnumSet.allOf(type));
			}
		});
		return Set.copyOf(set);
	}

	private List<String> strings(JsonNode values, String pointer, Consumer<String> check) {
		if (!values.isArray() || values.size() == 0) {
			throw invalid(pointer, "expected a non-empty array of names");
		}
		List<String> strings = new ArrayList<>();
		for (JsonNode value : values) {
			if (!value.isString()) {
				throw invalid(pointer, "expected names, found " + value);
			}
			check.accept(value.asString());
			strings.add(value.asString());
		}
		return strings;
	}

	private SourcedText statement(JsonNode node, String pointer) {
		return new SourcedText(requiredText(node, pointer, "text"), requiredSource(node, pointer, "source"));
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

	private void forEachEntry(JsonNode object, String pointer, EntryVisitor visitor) {
		for (Map.Entry<String, JsonNode> entry : object.properties()) {
			visitor.visit(entry.getKey(), entry.getValue(), pointer + "/" + entry.getKey());
		}
	}

	private void allowOnly(JsonNode node, String pointer, Set<String> allowed) {
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				throw invalid(pointer + "/" + name,
						"unknown field; allowed here are " + allowed.stream().sorted().toList());
			}
		}
	}

	private JsonNode requiredObject(JsonNode node, String pointer, String name) {
		JsonNode value = node.get(name);
		if (value == null || !value.isObject()) {
			throw invalid(pointer + "/" + name, "missing or not an object (keyed by id, so overrides can merge)");
		}
		return value;
	}

	private JsonNode optionalObject(JsonNode node, String pointer, String name) {
		return node.has(name) ? requiredObject(node, pointer, name) : JsonNodeFactory.instance.objectNode();
	}

	private String requiredText(JsonNode node, String pointer, String name) {
		JsonNode value = node.get(name);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw invalid(pointer + "/" + name, "missing or blank text");
		}
		return value.asString();
	}

	private String requiredSource(JsonNode node, String pointer, String name) {
		JsonNode value = node.get(name);
		if (value == null) {
			throw invalid(pointer + "/" + name, "missing source");
		}
		return checkSource(value, pointer + "/" + name);
	}

	private BigDecimal requiredNumber(JsonNode node, String pointer, String name) {
		JsonNode value = node.get(name);
		if (value == null || !value.isNumber()) {
			throw invalid(pointer + "/" + name, "missing or not a number");
		}
		return value.decimalValue();
	}

	private int requiredInt(JsonNode node, String pointer, String name) {
		JsonNode value = node.get(name);
		if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
			throw invalid(pointer + "/" + name, "missing or not a whole number");
		}
		return value.intValue();
	}

	private InvalidDecisionPackException invalid(String pointer, String problem) {
		return new InvalidDecisionPackException(this.pack, pointer, problem);
	}

	@FunctionalInterface
	private interface EntryVisitor {

		void visit(String id, JsonNode value, String pointer);

	}

}
