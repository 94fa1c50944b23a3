package dev.stackplan.gateway.client;

import dev.stackplan.kit.ProblemException;
import dev.stackplan.kit.ProblemKind;

/**
 * Scenarios are for API keys with the analyst role: the scenario controller throws it,
 * and the security chain answers with its problem.
 */
public class NotAnAnalystException extends ProblemException {

	public NotAnAnalystException() {
		super(ProblemKind.ANALYSTS_ONLY, "Scenarios need an API key with the analyst role");
	}

}
