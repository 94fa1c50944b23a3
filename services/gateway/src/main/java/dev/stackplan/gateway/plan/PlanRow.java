package dev.stackplan.gateway.plan;

import java.time.Instant;
import java.util.UUID;

import dev.stackplan.contracts.event.PlanStatus;
import org.jspecify.annotations.Nullable;

/**
 * A stored plan as the database holds it; JSON columns as text.
 */
record PlanRow(UUID planId, @Nullable String clientId, PlanStatus status, @Nullable Instant requestedAt,
		@Nullable String request, @Nullable String stack, @Nullable String stackKnowledgeVersion,
		@Nullable String costs, @Nullable String costsKnowledgeVersion, @Nullable Instant assembledAt,
		boolean assembledPublished, @Nullable String stackProblem, @Nullable String costsProblem) {

	boolean complete() {
		return this.status == PlanStatus.COMPLETE;
	}

}
