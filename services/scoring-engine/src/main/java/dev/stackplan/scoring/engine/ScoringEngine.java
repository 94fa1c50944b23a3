package dev.stackplan.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import dev.stackplan.contracts.event.Advice;
import dev.stackplan.contracts.event.EligibilityCondition;
import dev.stackplan.contracts.event.FactorScore;
import dev.stackplan.contracts.event.OptionAssessment;
import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.event.StackDecision;
import dev.stackplan.contracts.event.StackDecision.OptionDecision;
import dev.stackplan.contracts.knowledge.InvalidKnowledgeException;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.scoring.engine.DecisionPack.Factor;
import dev.stackplan.scoring.engine.DecisionPack.Option;
import dev.stackplan.scoring.engine.DecisionPack.Rule;
import dev.stackplan.scoring.engine.DecisionPack.WeightModifier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Scores the options of a decision pack for a plan request, factor by factor, with the
 * source of every figure. A pure function of the request and the pack: the same input
 * always gives an equal assessment.
 *
 * <p>
 * The profile first shapes the pack: weight modifiers, then decision rules, each in
 * document order, multiply factor weights; rules may also set a factor's scores (a later
 * rule wins), rule an option out, or, once the options are ranked, give advice. Weights
 * are then normalised to shares of 1 and an option's score is the weighted sum of its
 * factor scores. Options are ordered eligible first, then by score, then in pack order,
 * so a tie goes to the option the pack lists first (the simpler stack comes first in the
 * shipped pack).
 */
public final class ScoringEngine {

	private static final int SCORE_SCALE = 1;

	/** How many factor lines the rationale cites for the recommendation's lead. */
	private static final int LEADING_FACTORS_IN_RATIONALE = 3;

	/** How many factor lines the rationale cites where the runner-up is ahead. */
	private static final int TRADE_OFF_FACTORS_IN_RATIONALE = 1;

	private final DecisionPack pack;

	private ScoringEngine(DecisionPack pack) {
		this.pack = pack;
	}

	/**
	 * Parses the "frameworks" document of the knowledge base (also works for any pack
	 * document).
	 * @throws InvalidKnowledgeException naming what is wrong and where
	 */
	public static ScoringEngine fromPack(JsonNode packDocument) {
		return new ScoringEngine(PackReader.read(packDocument));
	}

	/** The engine for the knowledge base's framework pack. */
	public static ScoringEngine fromKnowledge(KnowledgeBase kb) {
		return fromPack(kb.document("frameworks"));
	}

	/**
	 * The values of each profile number where a weight modifier or decision rule starts
	 * or stops holding, keyed by the number's name (expectedRps, engineers,
	 * seniorEngineers, timelineWeeks): the only places the ranking can change as that
	 * number moves alone.
	 */
	public Map<String, SortedSet<Integer>> thresholds() {
		Map<String, SortedSet<Integer>> thresholds = new TreeMap<>();
		BiConsumer<String, Integer> collect = (name,
				value) -> thresholds.computeIfAbsent(name, (key) -> new TreeSet<>()).add(value);
		this.pack.weightModifiers().forEach((modifier) -> modifier.when().bounds(collect));
		this.pack.rules()
			.stream()
			.filter((rule) -> rule.advice() == null)
			.forEach((rule) -> rule.when().bounds(collect));
		return thresholds;
	}

	/**
	 * How a plan's "what would change this" searches the inputs, as the pack declares it.
	 * @throws IllegalStateException when the pack declares no search
	 */
	public SensitivitySearch sensitivity() {
		if (this.pack.sensitivity() == null) {
			throw new IllegalStateException("Pack '" + this.pack.id() + "' declares no sensitivity search");
		}
		return this.pack.sensitivity();
	}

	/** Pack option ids in pack order. */
	public List<String> optionIds() {
		return this.pack.options().stream().map(Option::id).toList();
	}

	/**
	 * The full assessment, every figure with its evidence and source: the decision,
	 * rendered.
	 */
	public StackAssessment assess(PlanRequest request) {
		return render(decide(request));
	}

	/**
	 * What the profile decides, as numbers and ids: the weights and scores keyed by
	 * factor id, the ranking, and which modifiers and rules fired. This is what travels
	 * on the log; {@link #render} turns it back into the full assessment.
	 * @throws IllegalArgumentException when no option is eligible for the profile
	 */
	public StackDecision decide(PlanRequest request) {
		ProfileFacts facts = ProfileFacts.of(request);
		Shaping shaping = shape(facts);
		List<BigDecimal> weights = WeightShares
			.of(this.pack.factors().stream().map((factor) -> shaping.weight(factor.id())).toList());
		List<OptionAssessment> ranked = rank(shaping, weights);
		OptionAssessment recommended = ranked.get(0);
		if (!recommended.eligible()) {
			throw new IllegalArgumentException("No option of pack '" + this.pack.id()
					+ "' is eligible for this profile: " + shaping.ineligibility.values());
		}
		Map<String, BigDecimal> weightsByFactor = new LinkedHashMap<>();
		for (int i = 0; i < this.pack.factors().size(); i++) {
			weightsByFactor.put(this.pack.factors().get(i).id(), weights.get(i));
		}
		List<OptionDecision> options = ranked.stream().map(ScoringEngine::decision).toList();
		return new StackDecision(this.pack.id(), recommended.option(), shaping.applied,
				adviceIds(facts.withRecommendation(recommended.option())), weightsByFactor, options);
	}

	/**
	 * The full assessment of a decision taken with this pack: the evidence, quotes and
	 * sources come from the pack, the numbers from the decision, and nothing is
	 * re-evaluated against the profile.
	 * @throws IllegalArgumentException for a decision of another pack, or one naming
	 * rules, factors or options this pack does not have
	 */
	public StackAssessment render(StackDecision decision) {
		if (!decision.pack().equals(this.pack.id())) {
			throw new IllegalArgumentException("A decision of pack '" + decision.pack()
					+ "' cannot be rendered with pack '" + this.pack.id() + "'");
		}
		Shaping shaping = replay(decision.applied());
		List<BigDecimal> weights = this.pack.factors()
			.stream()
			.map((factor) -> required(decision.weights(), factor.id(), "weight"))
			.toList();
		List<List<SourcedText>> weightReasons = this.pack.factors().stream().map(shaping::weightReasons).toList();
		List<OptionAssessment> ranked = new ArrayList<>();
		for (OptionDecision decided : decision.options()) {
			option(decided.option());
			List<FactorScore> factors = new ArrayList<>();
			for (int i = 0; i < this.pack.factors().size(); i++) {
				Factor factor = this.pack.factors().get(i);
				SourcedText evidence = factor.evidence().get(decided.option());
				factors.add(new FactorScore(factor.id(), weights.get(i),
						required(decided.scores(), factor.id(), "score"), evidence.text(), evidence.source(),
						weightReasons.get(i), shaping.scoreSources.get(factor.id())));
			}
			ranked.add(new OptionAssessment(decided.option(), decided.score(), decided.eligible(),
					shaping.ineligibility.get(decided.option()), factors,
					decided.eligible() ? shaping.condition(decided.option()) : null));
		}
		return new StackAssessment(this.pack.id(), decision.recommendation(), ranked,
				rationale(shaping, ranked, weights), advice(decision.advice(), ranked, weights));
	}

	private static OptionDecision decision(OptionAssessment option) {
		Map<String, BigDecimal> scores = new LinkedHashMap<>();
		for (FactorScore factor : option.factors()) {
			scores.put(factor.factor(), factor.score());
		}
		return new OptionDecision(option.option(), option.score(), option.eligible(), scores);
	}

	private static BigDecimal required(Map<String, BigDecimal> values, String factor, String what) {
		BigDecimal value = values.get(factor);
		if (value == null) {
			throw new IllegalArgumentException("The decision has no " + what + " for factor " + factor);
		}
		return value;
	}

	private Shaping shape(ProfileFacts facts) {
		return shape((modifier) -> modifier.when().holds(facts), (rule) -> rule.when().holds(facts));
	}

	/**
	 * The shaping of a decision: exactly the modifiers and rules it names, in pack order.
	 */
	private Shaping replay(List<String> applied) {
		Set<String> ids = new HashSet<>(applied);
		Set<String> known = new HashSet<>();
		this.pack.weightModifiers().forEach((modifier) -> known.add(modifier.id()));
		this.pack.rules().forEach((rule) -> known.add(rule.id()));
		for (String id : ids) {
			if (!known.contains(id)) {
				throw new IllegalArgumentException("Pack '" + this.pack.id() + "' has no modifier or rule " + id);
			}
		}
		return shape((modifier) -> ids.contains(modifier.id()), (rule) -> ids.contains(rule.id()));
	}

	private Shaping shape(Predicate<WeightModifier> modifierHolds, Predicate<Rule> ruleHolds) {
		Shaping shaping = new Shaping(this.pack);
		for (WeightModifier modifier : this.pack.weightModifiers()) {
			if (modifierHolds.test(modifier)) {
				shaping.multiply(modifier.multipliers(), modifier.statement(), modifier.sizeSource());
				shaping.applied.add(modifier.id());
			}
		}
		for (Rule rule : this.pack.rules()) {
			if (rule.advice() != null || !ruleHolds.test(rule)) {
				continue;
			}
			if (!rule.weightMultipliers().isEmpty()) {
				shaping.multiply(rule.weightMultipliers(), rule.statement(), rule.sizeSource());
			}
			rule.scores().forEach((factor, scores) -> shaping.setScores(factor, scores, rule.scoreSource()));
			if (rule.ineligibleOption() != null) {
				shaping.ineligibility.putIfAbsent(rule.ineligibleOption(), rule.statement());
			}
			if (rule.conditional() != null) {
				shaping.conditions.putIfAbsent(rule.conditional().option(), rule);
			}
			if (rule.shapesScores()) {
				shaping.firedRules.add(rule);
			}
			shaping.applied.add(rule.id());
		}
		return shaping;
	}

	private List<OptionAssessment> rank(Shaping shaping, List<BigDecimal> weights) {
		List<List<SourcedText>> weightReasons = this.pack.factors().stream().map(shaping::weightReasons).toList();
		List<OptionAssessment> options = new ArrayList<>();
		for (Option option : this.pack.options()) {
			List<FactorScore> factors = new ArrayList<>();
			BigDecimal total = BigDecimal.ZERO;
			for (int i = 0; i < this.pack.factors().size(); i++) {
				Factor factor = this.pack.factors().get(i);
				BigDecimal score = shaping.scores.get(factor.id()).get(option.id());
				SourcedText evidence = factor.evidence().get(option.id());
				factors.add(new FactorScore(factor.id(), weights.get(i), score, evidence.text(), evidence.source(),
						weightReasons.get(i), shaping.scoreSources.get(factor.id())));
				total = total.add(weights.get(i).multiply(score));
			}
			SourcedText ineligibility = shaping.ineligibility.get(option.id());
			options.add(new OptionAssessment(option.id(), total.setScale(SCORE_SCALE, RoundingMode.HALF_UP),
					ineligibility == null, ineligibility, factors,
					(ineligibility == null) ? shaping.condition(option.id()) : null));
		}
		List<String> packOrder = optionIds();
		options.sort(Comparator.comparing(OptionAssessment::eligible)
			.reversed()
			.thenComparing(OptionAssessment::score, Comparator.reverseOrder())
			.thenComparing((option) -> packOrder.indexOf(option.option())));
		return options;
	}

	/**
	 * What the recommendation is; the rules that shaped the scores in its favour, then
	 * the factors where it gains most over the runner-up; then, as trade-offs and never
	 * as reasons, the rules that favour another option and the factor where the runner-up
	 * is furthest ahead; any ineligible option that would have scored higher; and who
	 * published the source.
	 */
	private List<SourcedText> rationale(Shaping shaping, List<OptionAssessment> ranked, List<BigDecimal> weights) {
		OptionAssessment recommended = ranked.get(0);
		List<SourcedText> rationale = new ArrayList<>();
		List<SourcedText> tradeOffs = new ArrayList<>();
		rationale.add(option(recommended.option()).description());
		if (recommended.condition() != null) {
			rationale.add(new SourcedText("On a condition: " + recommended.condition().text(),
					recommended.condition().source()));
		}
		for (Rule rule : shaping.firedRules) {
			String favoured = favouredInstead(shaping, rule, recommended.option(), ranked);
			if (favoured == null) {
				rationale.add(rule.statement());
			}
			else {
				tradeOffs.add(new SourcedText(
						String.format("Trade-off, in favour of %s: %s", label(favoured), rule.statement().text()),
						rule.statement().source()));
			}
		}
		if (ranked.size() > 1) {
			OptionAssessment runnerUp = ranked.get(1);
			List<Integer> leading = new ArrayList<>();
			List<Integer> trailing = new ArrayList<>();
			Map<Integer, BigDecimal> gains = new HashMap<>();
			for (int i = 0; i < weights.size(); i++) {
				BigDecimal gain = weights.get(i)
					.multiply(recommended.factors().get(i).score().subtract(runnerUp.factors().get(i).score()));
				gains.put(i, gain);
				if (gain.signum() > 0) {
					leading.add(i);
				}
				else if (gain.signum() < 0) {
					trailing.add(i);
				}
			}
			leading.sort(Comparator.comparing(gains::get, Comparator.reverseOrder()));
			for (int i : leading.subList(0, Math.min(LEADING_FACTORS_IN_RATIONALE, leading.size()))) {
				rationale.add(factorLine("", i, recommended, runnerUp, recommended.factors().get(i)));
			}
			trailing.sort(Comparator.comparing(gains::get));
			for (int i : trailing.subList(0, Math.min(TRADE_OFF_FACTORS_IN_RATIONALE, trailing.size()))) {
				tradeOffs.add(factorLine("Trade-off, in favour of " + label(runnerUp.option()) + ": ", i, runnerUp,
						recommended, runnerUp.factors().get(i)));
			}
		}
		rationale.addAll(tradeOffs);
		for (OptionAssessment option : ranked) {
			if (!option.eligible() && option.score().compareTo(recommended.score()) > 0) {
				rationale.add(new SourcedText(
						String.format("%s would score %s, above %s, but is not eligible: %s", label(option.option()),
								option.score(), label(recommended.option()), option.ineligibility().text()),
						option.ineligibility().source()));
			}
		}
		if (this.pack.sourceDisclosure() != null) {
			rationale.add(this.pack.sourceDisclosure());
		}
		return rationale;
	}

	private SourcedText factorLine(String prefix, int factor, OptionAssessment ahead, OptionAssessment behind,
			FactorScore evidence) {
		return new SourcedText(String.format("%s%s: %s %s vs %s %s. %s", prefix,
				this.pack.factors().get(factor).label(), label(ahead.option()), ahead.factors().get(factor).score(),
				label(behind.option()), behind.factors().get(factor).score(), evidence.evidence()), evidence.source());
	}

	/**
	 * The eligible option a fired rule helps against the recommendation, the one whose
	 * gap to it the rule narrows most; null when the rule widens (or keeps) the
	 * recommendation's lead over every eligible option, so it is a reason for it.
	 */
	private @Nullable String favouredInstead(Shaping shaping, Rule rule, String recommended,
			List<OptionAssessment> ranked) {
		List<String> without = new ArrayList<>(shaping.applied);
		without.remove(rule.id());
		Shaping counterfactual = replay(without);
		String favoured = null;
		BigDecimal largestHelp = BigDecimal.ZERO;
		for (OptionAssessment other : ranked) {
			if (other.option().equals(recommended) || !other.eligible()) {
				continue;
			}
			BigDecimal help = lead(counterfactual, recommended, other.option())
				.subtract(lead(shaping, recommended, other.option()));
			if (help.compareTo(largestHelp) > 0) {
				largestHelp = help;
				favoured = other.option();
			}
		}
		return favoured;
	}

	/** How far one option scores above another under a shaping, unrounded. */
	private BigDecimal lead(Shaping shaping, String option, String other) {
		List<BigDecimal> weights = WeightShares
			.of(this.pack.factors().stream().map((factor) -> shaping.weight(factor.id())).toList());
		BigDecimal lead = BigDecimal.ZERO;
		for (int i = 0; i < weights.size(); i++) {
			Map<String, BigDecimal> scores = shaping.scores.get(this.pack.factors().get(i).id());
			lead = lead.add(weights.get(i).multiply(scores.get(option).subtract(scores.get(other))));
		}
		return lead;
	}

	private List<String> adviceIds(ProfileFacts facts) {
		List<String> ids = new ArrayList<>();
		for (Rule rule : this.pack.rules()) {
			if (rule.advice() != null && rule.when().holds(facts)) {
				ids.add(rule.id());
			}
		}
		return ids;
	}

	private List<Advice> advice(List<String> adviceIds, List<OptionAssessment> ranked, List<BigDecimal> weights) {
		Set<String> ids = new HashSet<>(adviceIds);
		List<Advice> advice = new ArrayList<>();
		for (Rule rule : this.pack.rules()) {
			if (rule.advice() != null && ids.remove(rule.id())) {
				BigDecimal effort = rule.advice().effortEngineerWeeks();
				String text = rule.statement().text();
				if (rule.advice().leaves() != null) {
					text = text + " " + whyLeave(ranked.get(0), find(ranked, rule.advice().leaves()), weights);
				}
				advice.add(new Advice(rule.advice().kind(), text, rule.statement().source(),
						(effort != null) ? effort.setScale(SCORE_SCALE, RoundingMode.HALF_UP) : null,
						rule.advice().effortSource()));
			}
		}
		if (!ids.isEmpty()) {
			throw new IllegalArgumentException("Pack '" + this.pack.id() + "' has no advice rule " + ids);
		}
		return advice;
	}

	/**
	 * The stated reason for a migration: how far the recommendation scores above staying,
	 * the cost of leaving counted, and the factors that carry the lead.
	 */
	private String whyLeave(OptionAssessment recommended, OptionAssessment stay, List<BigDecimal> weights) {
		List<Integer> leading = new ArrayList<>();
		Map<Integer, BigDecimal> gains = new HashMap<>();
		for (int i = 0; i < weights.size(); i++) {
			BigDecimal gain = weights.get(i)
				.multiply(recommended.factors().get(i).score().subtract(stay.factors().get(i).score()));
			gains.put(i, gain);
			if (gain.signum() > 0) {
				leading.add(i);
			}
		}
		leading.sort(Comparator.comparing(gains::get, Comparator.reverseOrder()));
		List<String> carriers = new ArrayList<>();
		for (int i : leading.subList(0, Math.min(LEADING_FACTORS_IN_RATIONALE, leading.size()))) {
			carriers.add(String.format("%s +%s", this.pack.factors().get(i).label(),
					gains.get(i).setScale(SCORE_SCALE, RoundingMode.HALF_UP).toPlainString()));
		}
		return String.format(
				"Why move: %s scores %s against %s for staying on %s, the cost of leaving counted; "
						+ "the factors that carry the lead: %s points.",
				label(recommended.option()), recommended.score(), stay.score(), label(stay.option()),
				String.join(", ", carriers));
	}

	private static OptionAssessment find(List<OptionAssessment> ranked, String option) {
		return ranked.stream().filter((candidate) -> candidate.option().equals(option)).findFirst().orElseThrow();
	}

	/** The label of an option of this pack, e.g. Django + FastAPI for HYBRID. */
	public String label(String option) {
		return option(option).label();
	}

	private Option option(String id) {
		return this.pack.options().stream().filter((candidate) -> candidate.id().equals(id)).findFirst().orElseThrow();
	}

	/** The pack as this profile shapes it; built and discarded within one assessment. */
	private static final class Shaping {

		private final DecisionPack pack;

		private final Map<String, BigDecimal> weights = new HashMap<>();

		private final Map<String, List<SourcedText>> multiplierReasons = new HashMap<>();

		private final Map<String, Set<String>> sizeSources = new HashMap<>();

		private final Map<String, Map<String, BigDecimal>> scores = new HashMap<>();

		private final Map<String, String> scoreSources = new HashMap<>();

		private final Map<String, SourcedText> ineligibility = new LinkedHashMap<>();

		/** The rule that makes an option eligible only on a condition, by option. */
		private final Map<String, Rule> conditions = new LinkedHashMap<>();

		private final List<Rule> firedRules = new ArrayList<>();

		/** Ids of the modifiers and rules applied, in order. */
		private final List<String> applied = new ArrayList<>();

		Shaping(DecisionPack pack) {
			this.pack = pack;
			for (Factor factor : pack.factors()) {
				this.weights.put(factor.id(), factor.baseWeight());
				this.multiplierReasons.put(factor.id(), new ArrayList<>());
				this.sizeSources.put(factor.id(), new LinkedHashSet<>());
				this.scores.put(factor.id(), factor.scores());
				this.scoreSources.put(factor.id(), factor.scoreSource());
			}
		}

		BigDecimal weight(String factor) {
			return this.weights.get(factor);
		}

		@Nullable EligibilityCondition condition(String option) {
			Rule rule = this.conditions.get(option);
			return (rule != null) ? new EligibilityCondition(rule.statement().text(), rule.statement().source(),
					rule.conditional().bookedRole()) : null;
		}

		void multiply(Map<String, BigDecimal> multipliers, SourcedText statement, String sizeSource) {
			multipliers.forEach((factor, multiplier) -> {
				this.weights.put(factor, this.weights.get(factor).multiply(multiplier));
				this.multiplierReasons.get(factor)
					.add(new SourcedText(
							statement.text() + " Weight x" + multiplier.stripTrailingZeros().toPlainString() + ".",
							statement.source()));
				this.sizeSources.get(factor).add(sizeSource);
			});
		}

		void setScores(String factor, Map<String, BigDecimal> scores, String scoreSource) {
			this.scores.put(factor, scores);
			this.scoreSources.put(factor, scoreSource);
		}

		/**
		 * Base weight first, then what moved it in the order it was applied, then the
		 * sizes' sources.
		 */
		List<SourcedText> weightReasons(Factor factor) {
			List<SourcedText> reasons = new ArrayList<>();
			reasons.add(new SourcedText("Base weight " + factor.baseWeight().stripTrailingZeros().toPlainString()
					+ " before the profile moves it.", factor.weightSource()));
			reasons.addAll(this.multiplierReasons.get(factor.id()));
			for (String sizeSource : this.sizeSources.get(factor.id())) {
				reasons.add(new SourcedText(
						this.pack.declared()
							.getOrDefault(sizeSource, "The size of the multipliers above comes from this line."),
						sizeSource));
			}
			return reasons;
		}

	}

}
