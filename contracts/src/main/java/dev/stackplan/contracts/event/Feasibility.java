package dev.stackplan.contracts.event;

import java.util.List;

/**
 * Whether the staffing plan delivers what was asked within the timeline and the budget,
 * and if not, what would.
 *
 * @param status the verdict
 * @param timelineWeeks the timeline asked for
 * @param deliveryWeeks the weeks the planned schedule takes
 * @param deliverableFeatures how many of the requested features can be delivered within
 * the timeline and the budget as asked: all of them when feasible, else those left by the
 * fitting option that cuts the fewest, 0 when none fits
 * @param reasons why it is not feasible, one line each; empty when it is
 * @param options the priced changes, ranked; empty when feasible
 */
public record Feasibility(FeasibilityStatus status, int timelineWeeks, int deliveryWeeks, int deliverableFeatures,
		List<String> reasons, List<PlanOption> options) {

	public Feasibility {
		reasons = List.copyOf(reasons);
		options = List.copyOf(options);
	}

}
