package dev.stackplan.intake.plan;

import java.util.List;

/** A plan request that breaks the API contract; each violation names its field. */
public class InvalidPlanRequestException extends RuntimeException {

	private final List<FieldViolation> violations;

	public InvalidPlanRequestException(List<FieldViolation> violations) {
		super(violations.size() + " invalid field(s): " + violations.stream().map(FieldViolation::field).toList());
		this.violations = List.copyOf(violations);
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

}
