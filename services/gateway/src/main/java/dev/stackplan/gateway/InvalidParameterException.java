package dev.stackplan.gateway;

import java.util.List;

/** A query parameter or header breaks the API contract. */
public class InvalidParameterException extends RuntimeException {

	private final String field;

	private final List<String> allowedValues;

	public InvalidParameterException(String field, String message) {
		this(field, message, List.of());
	}

	public InvalidParameterException(String field, String message, List<String> allowedValues) {
		super(field + " " + message);
		this.field = field;
		this.allowedValues = List.copyOf(allowedValues);
	}

	public String field() {
		return this.field;
	}

	public List<String> allowedValues() {
		return this.allowedValues;
	}

}
