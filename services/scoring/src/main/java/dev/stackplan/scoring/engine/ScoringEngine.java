package dev.stackplan.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stackplan.contracts.event.Advice;
import dev.stackplan.contracts.event.FactorScore;
import dev.stackplan.contracts.event.OptionAssessment;
import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.scoring.engine.DecisionPack.Factor;
import dev.stackplan.scoring.engine.DecisionPack.Option;
import dev.stackplan.scoring.engine.DecisionPack.Rule;
import dev.stackplan.scoring.engine.DecisionPack.WeightModifier;
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

	private final DecisionPack pack;

	private ScoringEngine(DecisionPack pack) {
		this.pack = pack;
	}

	/**
	 * Parses the "frameworks" document of the knowledge base (also works for any pack
	 * document).
	 * @throws InvalidDecisionPackException naming what is wrong and where
	 */
	public static ScoringEngine fromPack(JsonNode packDocument) {
		return new ScoringEngine(PackReader.read(packDocument));
	}

	/** The engine for the knowledge base's framework pack. */
	public static ScoringEngine fromKnowledge(KnowledgeBase kb) {
		return fromPack(kb.document("frameworks"));
	}

	/** Pack option ids in pack order. */
	public List<String> optionIds() {
		return this.pack.options().stream().map(Option::id).toList();
	}

	public StackAssessment assess(PlanRequest request) {
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
		return new StackAssessment(this.pack.id(), recommended.option(), ranked, rationale(shaping, ranked, weights),
				advice(facts.withRecommendation(recommended.option())));
	}

	private Shaping shape(ProfileFacts facts) {
		Shaping shaping = new Shaping(this.pack);
		for (WeightModifier modifier : this.pack.weightModifiers()) {
			if (modifier.when().holds(facts)) {
				shaping.multiply(modifier.multipliers(), modifier.statement(), modifier.sizeSource());
			}
		}
		for (Rule rule : this.pack.rules()) {
			if (rule.advice() != null || !rule.when().holds(facts)) {
				continue;
			}
			if (!rule.weightMultipliers().isEmpty()) {
				shaping.multiply(rule.weightMultipliers(), rule.statement(), rule.sizeSource());
			}
			rule.scores().forEach((factor, scores) -> shaping.setScores(factor, scores, rule.scoreSource()));
			if (rule.ineligibleOption() != null) {
				shaping.ineligibility.putIfAbsent(rule.ineligibleOption(), rule.statement());
			}
			if (rule.shapesScores()) {
				shaping.firedRules.add(rule.statement());
			}
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
					ineligibility == null, ineligibility, factors));
		}
		List<String> packOrder = optionIds();
		options.sort(Comparator.comparing(OptionAssessment::eligible)
			.reversed()
			.thenComparing(OptionAssessment::score, Comparator.reverseOrder())
			.thenComparing((option) -> packOrder.indexOf(option.option())));
		return options;
	}

	/**
	 * What the recommendation is, the rules that shaped the scores, the factors where it
	 * gains most over the runner-up, and any ineligible option that would have scored
	 * higher.
	 */
	private List<SourcedText> rationale(Shaping shaping, List<OptionAssessment> ranked, List<BigDecimal> weights) {
		OptionAssessment recommended = ranked.get(0);
		List<SourcedText> rationale = new ArrayList<>();
		rationale.add(option(recommended.option()).description());
		rationale.addAll(shaping.firedRules);
		if (ranked.size() > 1) {
			OptionAssessment runnerUp = ranked.get(1);
			List<Integer> leading = new ArrayList<>();
			Map<Integer, BigDecimal> gains = new HashMap<>();
			for (int i = 0; i < weights.size(); i++) {
				BigDecimal gain = weights.get(i)
					.multiply(recommended.factors().get(i).score().subtract(runnerUp.factors().get(i).score()));
				if (gain.signum() > 0) {
					leading.add(i);
					gains.put(i, gain);
				}
			}
			leading.sort(Comparator.comparing(gains::get, Comparator.reverseOrder()));
			for (int i : leading.subList(0, Math.min(LEADING_FACTORS_IN_RATIONALE, leading.size()))) {
				FactorScore ours = recommended.factors().get(i);
				FactorScore theirs = runnerUp.factors().get(i);
				rationale.add(new SourcedText(String.format("%s: %s %s vs %s %s. %s",
						this.pack.factors().get(i).label(), label(recommended.option()), ours.score(),
						label(runnerUp.option()), theirs.score(), ours.evidence()), ours.source()));
			}
		}
		for (OptionAssessment option : ranked) {
			if (!option.eligible() && option.score().compareTo(recommended.score()) > 0) {
				rationale.add(new SourcedText(
						String.format("%s would score %s, above %s, but is not eligible: %s", label(option.option()),
								option.score(), label(recommended.option()), option.ineligibility().text()),
						option.ineligibility().source()));
			}
		}
		return rationale;
	}

	private List<Advice> advice(ProfileFacts facts) {
		List<Advice> advice = new ArrayList<>();
		for (Rule rule : this.pack.rules()) {
			if (rule.advice() != null && rule.when().holds(facts)) {
				BigDecimal effort = rule.advice().effortEngineerWeeks();
				advice.add(new Advice(rule.advice().kind(), rule.statement().text(), rule.statement().source(),
						(effort != null) ? effort.setScale(SCORE_SCALE, RoundingMode.HALF_UP) : null,
						rule.advice().effortSource()));
			}
		}
		return advice;
	}

	private String label(String option) {
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

		private final List<SourcedText> firedRules = new ArrayList<>();

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
