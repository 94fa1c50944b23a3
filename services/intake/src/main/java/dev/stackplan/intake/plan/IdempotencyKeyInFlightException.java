package dev.stackplan.intake.plan;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The first request under this idempotency key is still being accepted. */
class IdempotencyKeyInFlightException extends RuntimeException {

	private final @Nullable UUID planId;

	IdempotencyKeyInFlightException(@Nullable UUID planId) {
		super("A request with this Idempotency-Key is still in flight; retry shortly");
		this.planId = planId;
	}

	@Nullable UUID planId() {
		return this.planId;
	}

}
