package dev.stackplan.gateway.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scenario as the API shows it, with its progress.
 *
 * @param scenarioId the scenario
 * @param name its name
 * @param status COUNTING, RUNNING, COMPLETE, FAILED or CANCELLED
 * @param source what it replays
 * @param overrides the JSON merge patch it applies
 * @param requestsFrom acceptance time of the earliest replayed request
 * @param requestsTo acceptance time of the latest replayed request
 * @param progress how far it is
 * @param createdAt when it was created
 * @param finishedAt when it finished
 * @param failure why it failed
 * @param report where its report is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScenarioView(UUID scenarioId, String name, ScenarioStatus status, JsonNode source, JsonNode overrides,
		@Nullable Instant requestsFrom, @Nullable Instant requestsTo, Progress progress, Instant createdAt,
		@Nullable Instant finishedAt, @Nullable String failure, String report) implements ScenarioPostAnswer {

	/**
	 * Progress of a scenario.
	 *
	 * @param processed plans with both halves back
	 * @param total plans to replay, once counted
	 * @param percent processed as a percentage of total
	 * @param ratePerSecond plans processed per second since the replay started
	 * @param etaSeconds seconds left at that rate
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Progress(int processed, @Nullable Integer total, BigDecimal percent, @Nullable BigDecimal ratePerSecond,
			@Nullable Long etaSeconds) {

	}

	static ScenarioView of(ScenarioRow row, JsonMapper json, Instant now) {
		BigDecimal percent = (row.total() == null) ? BigDecimal.ZERO
				: (row.total() == 0) ? BigDecimal.valueOf(100) : BigDecimal.valueOf(row.processed() * 100L)
					.divide(BigDecimal.valueOf(row.total()), 1, RoundingMode.DOWN);
		BigDecimal rate = null;
		Long eta = null;
		if (row.startedAt() != null && row.processed() > 0) {
			Instant end = (row.finishedAt() != null) ? row.finishedAt() : now;
			double seconds = Math.max(0.001, Duration.between(row.startedAt(), end).toMillis() / 1000.0);
			rate = BigDecimal.valueOf(row.processed() / seconds).setScale(1, RoundingMode.HALF_EVEN);
			if (row.total() != null && row.status() == ScenarioStatus.RUNNING) {
				eta = Math.round((row.total() - row.processed()) / (row.processed() / seconds));
			}
		}
		return new ScenarioView(row.scenarioId(), row.name(), row.status(), json.readTree(row.source()),
				json.readTree(row.overrides()), row.firstRequestedAt(), row.lastRequestedAt(),
				new Progress(row.processed(), row.total(), percent, rate, eta), row.createdAt(), row.finishedAt(),
				row.failure(), "/api/v1/scenarios/" + row.scenarioId() + "/report");
	}

}
