package dev.stackplan.scoring.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.stackplan.contracts.event.SourcedText;
import org.jspecify.annotations.Nullable;

/**
 * A decision pack as read from the knowledge base: the options, the factors that score
 * them, the weight modifiers and the decision rules. Lists keep the document's order,
 * which is the order of the output and of rule application.
 *
 * @param id the pack id, e.g. django-vs-fastapi
 * @param options the options, simplest first: ties go to the earlier one
 * @param factors the factors with base weights, scores and evidence
 * @param weightModifiers how the profile moves factor weights
 * @param rules the decision rules: weight and score effects, ineligibility, advice
 * @param declared text of every declared assumption and reference, keyed by source
 * ({@code assumption:ID} or {@code reference:ID})
 * @param sourceDisclosure who publishes the source the pack cites, when that is a party
 * to the decision (the vendor of what the plan prices); every rationale ends with it
 * @param sensitivity how a plan's "what would change this" searches the inputs; null when
 * the pack does not say
 */
record DecisionPack(String id, List<Option> options, List<Factor> factors, List<WeightModifier> weightModifiers,
		List<Rule> rules, Map<String, String> declared, @Nullable SourcedText sourceDisclosure,
		@Nullable SensitivitySearch sensitivity) {

	DecisionPack {
		options = List.copyOf(options);
		factors = List.copyOf(factors);
		weightModifiers = List.copyOf(weightModifiers);
		rules = List.copyOf(rules);
		declared = Map.copyOf(declared);
	}

	record Option(String id, String label, SourcedText description) {

	}

	/**
	 * @param scores 0-100 per option id, scale 1
	 * @param evidence what the source says about each option
	 */
	record Factor(String id, String label, BigDecimal baseWeight, String weightSource, Map<String, BigDecimal> scores,
			String scoreSource, Map<String, SourcedText> evidence) {

		Factor {
			scores = Map.copyOf(scores);
			evidence = Map.copyOf(evidence);
		}

	}

	/**
	 * @param multipliers factor id to weight multiplier
	 * @param sizeSource where the size of the multipliers comes from
	 */
	record WeightModifier(String id, Condition when, Map<String, BigDecimal> multipliers, SourcedText statement,
			String sizeSource) {

		WeightModifier {
			multipliers = Map.copyOf(multipliers);
		}

	}

	/**
	 * A decision rule of the source; any combination of effects except advice, which is
	 * evaluated after the ranking and so stands alone.
	 *
	 * @param weightMultipliers factor id to weight multiplier, may be empty
	 * @param sizeSource where the size of the multipliers comes from; null without any
	 * @param scores factor id to the scores it sets per option, may be empty
	 * @param scoreSource where those scores come from; null without any
	 * @param ineligibleOption the option this rule rules out, if any
	 * @param conditional the option this rule makes eligible only on the condition its
	 * statement names, if any
	 * @param advice the advice it gives, if any
	 */
	record Rule(String id, Condition when, SourcedText statement, Map<String, BigDecimal> weightMultipliers,
			@Nullable String sizeSource, Map<String, Map<String, BigDecimal>> scores, @Nullable String scoreSource,
			@Nullable String ineligibleOption, @Nullable Conditional conditional, @Nullable AdviceEffect advice) {

		Rule {
			weightMultipliers = Map.copyOf(weightMultipliers);
			scores = Map.copyOf(scores);
		}

		boolean shapesScores() {
			return !this.weightMultipliers.isEmpty() || !this.scores.isEmpty();
		}

	}

	/**
	 * @param option the option eligible only on the condition
	 * @param bookedRole the cost document's staffing role that meets the condition, when
	 * the plan books one
	 */
	record Conditional(String option, @Nullable String bookedRole) {

	}

	/**
	 * @param leaves for a migration, the option of the existing codebase the advice
	 * leaves: its text then says by how much, and on which factors, the recommendation
	 * beats staying
	 */
	record AdviceEffect(String kind, @Nullable BigDecimal effortEngineerWeeks, @Nullable String effortSource,
			@Nullable String leaves) {

	}

}
