package dev.stackplan.gateway.scenario;

import java.util.List;

import dev.stackplan.kit.FieldViolation;
import dev.stackplan.kit.ProblemException;
import dev.stackplan.kit.ProblemKind;

/** A scenario request that breaks the API contract; each error names its field. */
class InvalidScenarioException extends ProblemException {

	private final List<FieldViolation> errors;

	InvalidScenarioException(List<FieldViolation> errors) {
		super(ProblemKind.INVALID_SCENARIO, "The scenario has " + errors.size() + " invalid field(s)", errors);
		this.errors = List.copyOf(errors);
	}

	List<FieldViolation> errors() {
		return this.errors;
	}

}
