package dev.stackplan.intake.plan;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a request was rejected.
 *
 * @param field JSON path of the offending field, e.g. {@code product.kind}
 * @param message what is wrong
 * @param allowedValues the values the field accepts, for enumerations
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldViolation(String field, String message, List<String> allowedValues) {

	public FieldViolation(String field, String message) {
		this(field, message, List.of());
	}

}
