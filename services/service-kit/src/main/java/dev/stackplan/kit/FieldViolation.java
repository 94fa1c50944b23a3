package dev.stackplan.kit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a request was refused, as an entry of a problem's {@code errors}: the same
 * shape for every service and every refusal.
 *
 * @param field JSON path of the offending field, e.g. {@code product.kind}, or the name
 * of a parameter or header
 * @param message what is wrong
 * @param allowedValues the values the field accepts, for enumerations
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldViolation(String field, String message, List<String> allowedValues) {

	public FieldViolation {
		allowedValues = List.copyOf(allowedValues);
	}

	public FieldViolation(String field, String message) {
		this(field, message, List.of());
	}

}
