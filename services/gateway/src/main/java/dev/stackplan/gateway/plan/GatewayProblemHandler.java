package dev.stackplan.gateway.plan;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.gateway.InvalidParameterException;
import dev.stackplan.kit.ProblemTypes;
import dev.stackplan.kit.RequestIdFilter;
import dev.stackplan.kit.StrictJson;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/** Errors of the public API as RFC 9457 problem details. */
@RestControllerAdvice
class GatewayProblemHandler {

	private static final Log logger = LogFactory.getLog(GatewayProblemHandler.class);

	private final GatewayProperties properties;

	GatewayProblemHandler(GatewayProperties properties) {
		this.properties = properties;
	}

	@ExceptionHandler({ WebClientRequestException.class, TimeoutException.class })
	ResponseEntity<ProblemDetail> intakeUnavailable(Exception ex, ServerWebExchange exchange) {
		RequestIdFilter.withMdc(exchange, () -> logger.warn("Intake did not answer", ex));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The plan was not accepted because the intake service did not answer; retry.");
		problem.setTitle("Plan not accepted");
		problem.setType(ProblemTypes.of("intake-unavailable"));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", Long.toString(this.properties.intakeRetryAfter().toSeconds()))
			.body(problem);
	}

	@ExceptionHandler
	ProblemDetail bodyTooLarge(DataBufferLimitException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than the " + this.properties.maxBody().toKilobytes() + " KiB accepted");
		problem.setTitle("Body too large");
		problem.setType(ProblemTypes.of("body-too-large"));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidParameter(InvalidParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid parameter");
		problem.setType(ProblemTypes.of("invalid-parameter"));
		problem.setProperty("errors", List
			.of((ex.allowedValues().isEmpty()) ? Map.of("field", ex.field(), "message", ex.getMessage())
					: Map.of("field", ex.field(), "message", ex.getMessage(), "allowedValues", ex.allowedValues())));
		return problem;
	}

	/** A body that is not UTF-8 JSON or breaks JSON, e.g. with a duplicate key. */
	@ExceptionHandler
	ProblemDetail malformedJson(StrictJson.MalformedJsonException ex) {
		StrictJson.Violation violation = ex.violation();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body " + violation.message());
		problem.setTitle("Malformed JSON");
		problem.setType(ProblemTypes.of("malformed-json"));
		problem.setProperty("errors", List.of(Map.of("field", violation.field(), "message", violation.message())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail badInput(ServerWebInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getReason());
		problem.setTitle("Bad request");
		problem.setType(ProblemTypes.of("bad-request"));
		return problem;
	}

}
