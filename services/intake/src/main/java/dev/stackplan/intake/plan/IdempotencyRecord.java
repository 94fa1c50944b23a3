package dev.stackplan.intake.plan;

import java.time.Instant;
import java.util.UUID;

/**
 * What an idempotency key stands for.
 *
 * @param requestSha256 hash of the normalised request first sent under the key
 * @param planId the plan the key created
 * @param state IN_FLIGHT until the broker acknowledged the request, then ACCEPTED
 * @param updatedAt when the state last changed
 */
record IdempotencyRecord(String requestSha256, UUID planId, String state, Instant updatedAt) {

	boolean accepted() {
		return "ACCEPTED".equals(this.state);
	}

}
