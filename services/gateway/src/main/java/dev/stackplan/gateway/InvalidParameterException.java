package dev.stackplan.gateway;

import java.util.List;

import dev.stackplan.kit.FieldViolation;
import dev.stackplan.kit.ProblemException;
import dev.stackplan.kit.ProblemKind;

/** A query parameter or header breaks the API contract. */
public class InvalidParameterException extends ProblemException {

	private final String field;

	public InvalidParameterException(String field, String message) {
		this(field, message, List.of());
	}

	/**
	 * {@code allowedValues}: where there is a fixed set, the values the field accepts.
	 */
	public InvalidParameterException(String field, String message, List<String> allowedValues) {
		super(ProblemKind.INVALID_PARAMETER, field + " " + message,
				List.of(new FieldViolation(field, field + " " + message, allowedValues)));
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
