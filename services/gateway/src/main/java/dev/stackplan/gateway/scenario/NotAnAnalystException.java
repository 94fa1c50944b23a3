package dev.stackplan.gateway.scenario;

/** Scenarios are for API keys with the analyst role. */
class NotAnAnalystException extends RuntimeException {

	NotAnAnalystException() {
		super("Scenarios need an API key with the analyst role");
	}

}
