package dev.stackplan.contracts.event;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One priced way to make a plan fit, planned and costed with the same rules as the plan.
 *
 * @param rank 1 for the first to consider: options that make the plan fit come first,
 * cheapest first
 * @param kind what changes
 * @param text the change in words, with its price
 * @param timelineWeeks the timeline of the changed request
 * @param cutFeatures the features the changed request no longer has
 * @param budgetUsd the budget the changed request needs; null when the request gave none
 * @param onDemandUsd the on-demand total of the changed plan
 * @param deliveryWeeks the weeks the changed plan takes
 * @param fits whether the changed plan delivers within its timeline and budget
 * @param source the rule the options follow
 */
public record PlanOption(int rank, PlanOptionKind kind, String text, int timelineWeeks, List<String> cutFeatures,
		@Nullable BigDecimal budgetUsd, BigDecimal onDemandUsd, int deliveryWeeks, boolean fits, String source) {

	public PlanOption {
		cutFeatures = List.copyOf(cutFeatures);
	}

}
