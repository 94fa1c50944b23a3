package dev.stackplan.intake.plan;

import java.time.Duration;

/** The pipeline is too far behind to take a new plan now. */
class PipelineBehindException extends RuntimeException {

	private final Duration retryAfter;

	PipelineBehindException(long backlog, Duration retryAfter) {
		super("The planner is " + backlog + " requests behind; nothing was stored. Retry in "
				+ Math.max(1, retryAfter.toSeconds()) + " s.");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

}
