package dev.stackplan.intake.plan;

import java.util.Map;
import java.util.UUID;

import dev.stackplan.kit.ProblemException;
import dev.stackplan.kit.ProblemKind;

/**
 * An idempotency key came back with a different request: a client bug, never a retry. The
 * problem names the plan the key was first used for.
 */
class IdempotencyKeyReusedException extends ProblemException {

	IdempotencyKeyReusedException(UUID planId) {
		super(ProblemKind.IDEMPOTENCY_KEY_REUSED,
				"This Idempotency-Key was first used with a different request; use a new key for a new request.",
				Map.of("planId", planId), null, null);
	}

}
