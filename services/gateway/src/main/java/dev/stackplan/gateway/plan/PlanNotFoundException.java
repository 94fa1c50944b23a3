package dev.stackplan.gateway.plan;

import java.util.UUID;

import dev.stackplan.kit.ProblemException;
import dev.stackplan.kit.ProblemKind;

/** No plan of this id belongs to the caller: someone else's is not found either. */
class PlanNotFoundException extends ProblemException {

	PlanNotFoundException(UUID planId) {
		super(ProblemKind.PLAN_NOT_FOUND, "No plan " + planId + " belongs to this API key");
	}

}
