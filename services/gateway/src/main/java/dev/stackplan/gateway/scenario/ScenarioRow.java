package dev.stackplan.gateway.scenario;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A stored scenario; JSON columns as text. */
record ScenarioRow(UUID scenarioId, String clientId, String name, ScenarioStatus status, String source,
		String overrides, @Nullable Integer total, int published, int processed, @Nullable Instant firstRequestedAt,
		@Nullable Instant lastRequestedAt, @Nullable String failure, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, @Nullable String logEndOffsets) {

}
