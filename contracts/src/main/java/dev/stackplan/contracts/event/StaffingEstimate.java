package dev.stackplan.contracts.event;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What building one stack option would cost in engineers.
 *
 * @param option the stack option these costs are for
 * @param roles the staffing plan: tier x count x weeks, each with its reason
 * @param onDemand cost with on-demand weekly engineers
 * @param fullTime cost with US full-time hires, as a range
 * @param comparison on-demand against full-time
 * @param budget how the costs fit the budget; null when the request gave none
 * @param assumptions every assumption and published reference the whole estimate
 * (staffing, on-demand, full-time, comparison) rests on
 * @param feasibility whether the plan delivers within the timeline and the budget, with
 * the priced options when it does not; null in estimates stored before it existed
 * @param inHouse what the in-house engineers who fill seats cost; null in estimates
 * stored before it existed
 */
public record StaffingEstimate(String option, List<Role> roles, OnDemandCost onDemand, FullTimeCost fullTime,
		CostComparison comparison, @Nullable BudgetFit budget, List<SourcedText> assumptions,
		@Nullable Feasibility feasibility, @Nullable InHouseCost inHouse) {

	public StaffingEstimate {
		roles = List.copyOf(roles);
		assumptions = List.copyOf(assumptions);
	}

}
