package dev.stackplan.intake.plan;

import java.time.Duration;
import java.util.Map;

import dev.stackplan.kit.ProblemException;
import dev.stackplan.kit.ProblemKind;

/** The pipeline is too far behind to take a new plan now. */
class PipelineBehindException extends ProblemException {

	PipelineBehindException(long backlog, Duration retryAfter) {
		super(ProblemKind.PLANNER_BUSY, "The planner is " + backlog + " requests behind; nothing was stored. Retry in "
				+ Math.max(1, retryAfter.toSeconds()) + " s.", Map.of(), retryAfter, null);
	}

}
