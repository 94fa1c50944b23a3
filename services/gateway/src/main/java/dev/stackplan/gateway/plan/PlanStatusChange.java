package dev.stackplan.gateway.plan;

import java.util.UUID;

import dev.stackplan.contracts.event.PlanStatus;

/**
 * A plan's status changed.
 *
 * @param planId the plan
 * @param status its new status
 */
record PlanStatusChange(UUID planId, PlanStatus status) {

	static PlanStatusChange parse(String payload) {
		int colon = payload.indexOf(':');
		return new PlanStatusChange(UUID.fromString(payload.substring(0, colon)),
				PlanStatus.valueOf(payload.substring(colon + 1)));
	}

}
