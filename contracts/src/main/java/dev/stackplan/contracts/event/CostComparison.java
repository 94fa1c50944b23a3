package dev.stackplan.contracts.event;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * On-demand against full-time for the same staffing plan.
 *
 * @param savingUsd full-time total minus on-demand total, as a range
 * @param savingPercent that saving as a percentage of the full-time total, as a range
 * @param breakEvenWeeks engagement length from which full-time becomes cheaper; null when
 * it never does
 * @param onDemandHoursToFirstCommit median hours from booking to first commit on demand
 * @param fullTimeWeeksToFirstCommit weeks before a full-time hire commits (time to fill
 * plus onboarding)
 * @param parityRateMultiple how many times higher every on-demand rate would have to be
 * for the on-demand total to equal the low full-time total; null in comparisons stored
 * before it existed
 * @param caveats what the saving must be read with, each with its source; empty in
 * comparisons stored before they existed
 */
public record CostComparison(UsdRange savingUsd, UsdRange savingPercent, @Nullable Integer breakEvenWeeks,
		BigDecimal onDemandHoursToFirstCommit, BigDecimal fullTimeWeeksToFirstCommit,
		@Nullable BigDecimal parityRateMultiple, List<SourcedText> caveats) {

	public CostComparison {
		caveats = (caveats != null) ? List.copyOf(caveats) : List.of();
	}

}
