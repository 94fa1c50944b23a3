package dev.stackplan.intake.plan;

import java.util.List;

import dev.stackplan.kit.FieldViolation;
import dev.stackplan.kit.ProblemException;
import dev.stackplan.kit.ProblemKind;

/** A plan request that breaks the API contract; each violation names its field. */
public class InvalidPlanRequestException extends ProblemException {

	private final List<FieldViolation> violations;

	public InvalidPlanRequestException(List<FieldViolation> violations) {
		super(ProblemKind.INVALID_PLAN_REQUEST, "The plan request has " + violations.size() + " invalid field(s): "
				+ String.join(", ", violations.stream().map(FieldViolation::field).toList()), violations);
		this.violations = List.copyOf(violations);
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

}
