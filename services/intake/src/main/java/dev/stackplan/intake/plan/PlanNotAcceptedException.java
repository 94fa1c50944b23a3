package dev.stackplan.intake.plan;

import java.time.Duration;
import java.util.Map;

import dev.stackplan.kit.ProblemException;
import dev.stackplan.kit.ProblemKind;

/**
 * The broker did not acknowledge a plan request, so it was not accepted; the client may
 * retry.
 */
public class PlanNotAcceptedException extends ProblemException {

	PlanNotAcceptedException(Throwable cause, Duration retryAfter) {
		super(ProblemKind.BROKER_UNAVAILABLE,
				"The plan was not accepted because the event broker did not acknowledge it; nothing was stored. Retry.",
				Map.of(), retryAfter, cause);
	}

}
