package dev.stackplan.contracts.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The gateway joined both halves of a plan. A summary: the whole plan is read over HTTP.
 *
 * @param planId the plan, also the record key
 * @param status final status of the plan
 * @param knowledgeVersion knowledge version of the scoring half
 * @param recommendation the recommended stack option
 * @param onDemandTotalUsd on-demand cost of the recommended option
 * @param fullTimeTotalUsd full-time cost range of the recommended option
 * @param requestedAt when intake accepted the request
 * @param assembledAt when the plan was assembled
 */
public record PlanAssembled(UUID planId, PlanStatus status, String knowledgeVersion, String recommendation,
		BigDecimal onDemandTotalUsd, UsdRange fullTimeTotalUsd, Instant requestedAt, Instant assembledAt) {

}
