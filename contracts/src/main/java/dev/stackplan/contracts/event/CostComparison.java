package dev.stackplan.contracts.event;

import java.math.BigDecimal;

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
 */
public record CostComparison(UsdRange savingUsd, UsdRange savingPercent, @Nullable Integer breakEvenWeeks,
		BigDecimal onDemandHoursToFirstCommit, BigDecimal fullTimeWeeksToFirstCommit) {

}
