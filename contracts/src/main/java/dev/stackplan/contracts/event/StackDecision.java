package dev.stackplan.contracts.event;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What scoring decided for a plan, without the words: enough, with the decision pack of
 * the named knowledge version, to render the full {@link StackAssessment}.
 *
 * @param pack the decision pack id
 * @param recommendation the recommended option id
 * @param applied ids of the weight modifiers and decision rules that shaped the scores,
 * in the order they were applied
 * @param advice ids of the advice rules that hold for the plan, in pack order
 * @param weights each factor's share of the score, keyed by factor id
 * @param options the options, ranked
 */
public record StackDecision(String pack, String recommendation, List<String> applied, List<String> advice,
		Map<String, BigDecimal> weights, List<OptionDecision> options) {

	public StackDecision {
		Objects.requireNonNull(pack, "pack");
		Objects.requireNonNull(recommendation, "recommendation");
		applied = List.copyOf(applied);
		advice = List.copyOf(advice);
		weights = new LinkedHashMap<>(weights);
		options = List.copyOf(options);
	}

	/**
	 * One option's place in the ranking.
	 *
	 * @param option the option id
	 * @param score the weighted score, 0-100
	 * @param eligible false when a rule rules the option out
	 * @param scores the option's score on each factor, keyed by factor id
	 */
	public record OptionDecision(String option, BigDecimal score, boolean eligible, Map<String, BigDecimal> scores) {

		public OptionDecision {
			Objects.requireNonNull(option, "option");
			Objects.requireNonNull(score, "score");
			scores = new LinkedHashMap<>(scores);
		}

	}

}
