package dev.stackplan.contracts.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Scoring ranked the stack options for a plan (framework-scored.v2): the decision as
 * numbers and ids. The evidence, quotes and sources behind it are rendered at read time
 * from the knowledge base this event names, so the event stays small.
 *
 * @param planId the plan, also the record key
 * @param knowledgeVersion version id of the knowledge base the scores were computed with
 * @param scoredAt when it was computed
 * @param stack the decision
 */
public record FrameworkScored(UUID planId, String knowledgeVersion, Instant scoredAt, StackDecision stack) {

	public FrameworkScored {
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(knowledgeVersion, "knowledgeVersion");
		Objects.requireNonNull(scoredAt, "scoredAt");
		Objects.requireNonNull(stack, "stack");
	}

}
