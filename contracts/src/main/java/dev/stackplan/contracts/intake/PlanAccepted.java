package dev.stackplan.contracts.intake;

import java.util.UUID;

import dev.stackplan.contracts.event.PlanStatus;

/**
 * The answer to an accepted request: the broker holds the plan request.
 *
 * @param planId the new plan
 * @param status always PENDING
 */
public record PlanAccepted(UUID planId, PlanStatus status) {

	/**
	 * The answer for a plan just accepted.
	 * @param planId the plan
	 * @return the plan, PENDING
	 */
	public static PlanAccepted pending(UUID planId) {
		return new PlanAccepted(planId, PlanStatus.PENDING);
	}

}
