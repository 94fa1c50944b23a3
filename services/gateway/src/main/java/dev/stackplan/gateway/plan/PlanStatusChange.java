package dev.stackplan.gateway.plan;

import java.util.UUID;

/**
 * A plan's status changed.
 *
 * @param planId the plan
 * @param status its new status
 */
record PlanStatusChange(UUID planId, String status) {

	static PlanStatusChange parse(String payload) {
		int colon = payload.indexOf(':');
		return new PlanStatusChange(UUID.fromString(payload.substring(0, colon)), payload.substring(colon + 1));
	}

}
