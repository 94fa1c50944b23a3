package dev.stackplan.contracts.event;

import java.util.List;

/**
 * Cost of the same staffing plan with US full-time hires.
 *
 * @param totalUsd total over the plan, as a range
 * @param weeklyUsd effective weekly cost, as a range
 * @param lineItems the breakdown; low and high each sum to {@code totalUsd} to the cent
 * @param assumptions every assumption the figures rest on
 */
public record FullTimeCost(UsdRange totalUsd, UsdRange weeklyUsd, List<RangeLineItem> lineItems,
		List<SourcedText> assumptions) {

	public FullTimeCost {
		lineItems = List.copyOf(lineItems);
		assumptions = List.copyOf(assumptions);
	}

}
