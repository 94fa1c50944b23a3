package dev.stackplan.kit;

import java.util.List;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebInputException;

/**
 * What every service's {@code @RestControllerAdvice} answers alike: a
 * {@link ProblemException} as its problem, a body that is not strict JSON, a header or
 * parameter that could not be read. A service's advice extends it with the refusals that
 * are its own.
 */
public abstract class ProblemAdvice {

	@ExceptionHandler
	public ResponseEntity<ProblemDetail> refused(ProblemException ex) {
		return Problems.response(ex);
	}

	/** A body that is not UTF-8 JSON or breaks JSON, e.g. with a duplicate key. */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> malformedJson(StrictJson.MalformedJsonException ex) {
		StrictJson.Violation violation = ex.violation();
		return refused(new ProblemException(ProblemKind.MALFORMED_JSON, "The request body " + violation.message(),
				List.of(new FieldViolation(violation.field(), violation.message()))));
	}

	/** The reason names no class. */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> unreadableRequest(ServerWebInputException ex) {
		return refused(new ProblemException(ProblemKind.BAD_REQUEST,
				(ex.getReason() != null) ? ex.getReason() : "The request could not be read"));
	}

}
