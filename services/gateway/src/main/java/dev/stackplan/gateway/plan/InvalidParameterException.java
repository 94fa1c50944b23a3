package dev.stackplan.gateway.plan;

import java.util.List;

/** A query parameter or header breaks the API contract. */
class InvalidParameterException extends RuntimeException {

	private final String field;

	private final List<String> allowedValues;

	InvalidParameterException(String field, String message) {
		this(field, message, List.of());
	}

	InvalidParameterException(String field, String message, List<String> allowedValues) {
		super(field + " " + message);
		this.field = field;
		this.allowedValues = List.copyOf(allowedValues);
	}

	String field() {
		return this.field;
	}

	List<String> allowedValues() {
		return this.allowedValues;
	}

}
