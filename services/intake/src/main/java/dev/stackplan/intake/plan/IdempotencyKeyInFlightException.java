package dev.stackplan.intake.plan;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.stackplan.kit.ProblemException;
import dev.stackplan.kit.ProblemKind;
import org.jspecify.annotations.Nullable;

/**
 * The first request under this idempotency key is still being accepted; the problem names
 * its plan once there is one.
 */
class IdempotencyKeyInFlightException extends ProblemException {

	IdempotencyKeyInFlightException(@Nullable UUID planId, Duration retryAfter) {
		super(ProblemKind.IDEMPOTENCY_KEY_IN_FLIGHT,
				"A request with this Idempotency-Key is still in flight; retry shortly",
				(planId != null) ? Map.of("planId", planId) : Map.of(), retryAfter, null);
	}

}
