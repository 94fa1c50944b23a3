package dev.stackplan.contracts.event;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Cost of the same staffing plan with US full-time hires.
 *
 * @param totalUsd total over the plan, as a range
 * @param weeklyUsd effective weekly cost, as a range
 * @param lineItems the breakdown; low and high each sum to {@code totalUsd} to the cent
 * @param assumptions every assumption the figures rest on
 * @param status whether a hire could start within the timeline; null in estimates stored
 * before it existed
 */
public record FullTimeCost(UsdRange totalUsd, UsdRange weeklyUsd, List<RangeLineItem> lineItems,
		List<SourcedText> assumptions, @Nullable FullTimeStatus status) {

	public FullTimeCost {
		lineItems = List.copyOf(lineItems);
		assumptions = List.copyOf(assumptions);
	}

}
