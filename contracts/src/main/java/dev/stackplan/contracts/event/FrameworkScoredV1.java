package dev.stackplan.contracts.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Scoring ranked the stack options for a plan: the first, rich form
 * (framework-scored.v1), every text and source inline. Still read from the log; new
 * events are {@link FrameworkScored}.
 *
 * @param planId the plan, also the record key
 * @param knowledgeVersion version id of the knowledge base the scores were computed with
 * @param scoredAt when it was computed
 * @param stack the ranking, factor by factor, with sources
 */
public record FrameworkScoredV1(UUID planId, String knowledgeVersion, Instant scoredAt, StackAssessment stack) {

	public FrameworkScoredV1 {
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(knowledgeVersion, "knowledgeVersion");
		Objects.requireNonNull(scoredAt, "scoredAt");
		Objects.requireNonNull(stack, "stack");
	}

}
