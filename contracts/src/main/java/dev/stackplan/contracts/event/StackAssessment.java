package dev.stackplan.contracts.event;

import java.util.List;

/**
 * The framework half of a plan.
 *
 * @param pack id of the decision pack that produced it
 * @param recommendation id of the best eligible option
 * @param options every option, best first, eligible or not
 * @param rationale why the recommendation, each line with its source
 * @param advice advice beside the ranking (migrations, insurance, alternatives)
 */
public record StackAssessment(String pack, String recommendation, List<OptionAssessment> options,
		List<SourcedText> rationale, List<Advice> advice) {

	public StackAssessment {
		options = List.copyOf(options);
		rationale = List.copyOf(rationale);
		advice = List.copyOf(advice);
	}

}
