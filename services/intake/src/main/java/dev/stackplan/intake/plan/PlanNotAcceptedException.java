package dev.stackplan.intake.plan;

/**
 * The broker did not acknowledge a plan request, so it was not accepted; the client may
 * retry.
 */
class PlanNotAcceptedException extends RuntimeException {

	PlanNotAcceptedException(Throwable cause) {
		super("The event broker did not acknowledge the plan request", cause);
	}

}
