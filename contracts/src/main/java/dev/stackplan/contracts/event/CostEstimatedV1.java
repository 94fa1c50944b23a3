package dev.stackplan.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Costing estimated the staffing for every stack option of a plan, in the first, rich
 * form (cost-estimated.v1) with every line item and text inline; still read from the log,
 * new events are {@link CostEstimated}. Scoring runs in parallel, so the gateway picks
 * the option that matches the recommendation.
 *
 * @param planId the plan, also the record key
 * @param knowledgeVersion version id of the knowledge base the costs were computed with
 * @param estimatedAt when it was computed
 * @param byOption one staffing estimate per stack option
 */
public record CostEstimatedV1(UUID planId, String knowledgeVersion, Instant estimatedAt,
		List<StaffingEstimate> byOption) {

	public CostEstimatedV1 {
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(knowledgeVersion, "knowledgeVersion");
		Objects.requireNonNull(estimatedAt, "estimatedAt");
		Objects.requireNonNull(byOption, "byOption");
		byOption = List.copyOf(byOption);
	}

}
