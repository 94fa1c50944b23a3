package dev.stackplan.scoring.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * How far a plan's "what would change this" looks, as the decision pack declares it.
 *
 * @param costChangeShare a change of the recommended cost by more than this share of it
 * counts as a change of the plan
 * @param teamStep engineers added or removed at a time
 * @param timelineFactors the timeline is tried at these multiples of the requested one
 * @param budgetFactors the budget, when given, is tried at these multiples of it
 * @param source where these come from
 */
public record SensitivitySearch(BigDecimal costChangeShare, int teamStep, List<BigDecimal> timelineFactors,
		List<BigDecimal> budgetFactors, String source) {

	public SensitivitySearch {
		timelineFactors = List.copyOf(timelineFactors);
		budgetFactors = List.copyOf(budgetFactors);
	}

}
