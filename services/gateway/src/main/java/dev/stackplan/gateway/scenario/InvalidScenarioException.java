package dev.stackplan.gateway.scenario;

import java.util.List;
import java.util.Map;

/** A scenario request that breaks the API contract; each error names its field. */
class InvalidScenarioException extends RuntimeException {

	private final List<Map<String, Object>> errors;

	InvalidScenarioException(List<Map<String, Object>> errors) {
		super("Invalid scenario: " + errors);
		this.errors = List.copyOf(errors);
	}

	List<Map<String, Object>> errors() {
		return this.errors;
	}

}
