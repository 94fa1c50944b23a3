package dev.stackplan.gateway.scenario;

import java.math.BigDecimal;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one replayed plan and of its production baseline that a report compares:
 * the recommendation, every option's score, and the cost of the recommended option.
 */
record ComparedPlan(UUID planId, @Nullable String productKind, boolean hasBaseline,
		@Nullable String baselineRecommendation, String scenarioRecommendation, boolean identical,
		@Nullable String baselineScores, String scenarioScores, @Nullable BigDecimal baselineOnDemand,
		@Nullable BigDecimal baselineFullTimeLow, @Nullable BigDecimal baselineFullTimeHigh,
		BigDecimal scenarioOnDemand, BigDecimal scenarioFullTimeLow, BigDecimal scenarioFullTimeHigh) {

	static ComparedPlan of(Readable row) {
		return new ComparedPlan(row.get("plan_id", UUID.class), row.get("kind", String.class),
				Boolean.TRUE.equals(row.get("has_baseline", Boolean.class)),
				row.get("baseline_recommendation", String.class), row.get("scenario_recommendation", String.class),
				Boolean.TRUE.equals(row.get("identical", Boolean.class)), row.get("baseline_scores", String.class),
				row.get("scenario_scores", String.class), decimal(row, "baseline_on_demand"),
				decimal(row, "baseline_full_time_low"), decimal(row, "baseline_full_time_high"),
				decimal(row, "scenario_on_demand"), decimal(row, "scenario_full_time_low"),
				decimal(row, "scenario_full_time_high"));
	}

	private static @Nullable BigDecimal decimal(Readable row, String column) {
		String value = row.get(column, String.class);
		return (value != null) ? new BigDecimal(value) : null;
	}

}
