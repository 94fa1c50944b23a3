package dev.stackplan.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Costing estimated the staffing for every stack option of a plan (cost-estimated.v2):
 * what is booked and what it costs in total. Scoring runs in parallel, so the gateway
 * picks the option that matches the recommendation; the line items, labels and sources
 * are rendered at read time from the knowledge base this event names.
 *
 * @param planId the plan, also the record key
 * @param knowledgeVersion version id of the knowledge base the costs were computed with
 * @param estimatedAt when it was computed
 * @param byOption one cost per stack option
 */
public record CostEstimated(UUID planId, String knowledgeVersion, Instant estimatedAt, List<OptionCost> byOption) {

	public CostEstimated {
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(knowledgeVersion, "knowledgeVersion");
		Objects.requireNonNull(estimatedAt, "estimatedAt");
		byOption = List.copyOf(byOption);
	}

}
