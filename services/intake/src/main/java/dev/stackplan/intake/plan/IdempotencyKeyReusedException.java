package dev.stackplan.intake.plan;

import java.util.UUID;

/** An idempotency key came back with a different request: a client bug, never a retry. */
class IdempotencyKeyReusedException extends RuntimeException {

	private final UUID planId;

	IdempotencyKeyReusedException(UUID planId) {
		super("This Idempotency-Key was first used with a different request");
		this.planId = planId;
	}

	UUID planId() {
		return this.planId;
	}

}
