package dev.stackplan.contracts.event;

import java.math.BigDecimal;
import java.util.List;

/**
 * Cost of the staffing plan with on-demand weekly engineers.
 *
 * @param provider the on-demand provider of the rate card
 * @param totalUsd total over the plan, trial credit included
 * @param weeklyUsd weekly burn at full staffing
 * @param lineItems the breakdown; sums to {@code totalUsd} to the cent
 * @param effectiveWeeklyUsd {@code totalUsd} spread over the timeline, comparable with
 * the full-time effective weekly cost
 */
public record OnDemandCost(String provider, BigDecimal totalUsd, BigDecimal weeklyUsd, List<LineItem> lineItems,
		BigDecimal effectiveWeeklyUsd) {

	public OnDemandCost {
		lineItems = List.copyOf(lineItems);
	}

}
