package dev.stackplan.intake.plan;

import java.util.UUID;

/**
 * The answer to an accepted request: the broker holds the plan request.
 *
 * @param planId the new plan
 * @param status always PENDING
 */
public record PlanAccepted(UUID planId, String status) {

}
