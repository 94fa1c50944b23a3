package dev.stackplan.intake.plan;

import java.util.List;

import dev.stackplan.intake.IntakeProperties;
import dev.stackplan.kit.ProblemTypes;
import dev.stackplan.kit.RequestIdFilter;
import dev.stackplan.kit.StrictJson;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/** Every rejection as RFC 9457 problem details naming what is wrong. */
@RestControllerAdvice
class IntakeProblemHandler {

	private static final Log logger = LogFactory.getLog(IntakeProblemHandler.class);

	private final IntakeProperties properties;

	IntakeProblemHandler(IntakeProperties properties) {
		this.properties = properties;
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidPlanRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The plan request has " + ex.violations().size() + " invalid field(s): "
						+ String.join(", ", ex.violations().stream().map(FieldViolation::field).toList()));
		problem.setType(ProblemTypes.of("invalid-plan-request"));
		problem.setTitle("Invalid plan request");
		problem.setProperty("errors", ex.violations());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail malformed(StrictJson.MalformedJsonException ex) {
		StrictJson.Violation violation = ex.violation();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body " + violation.message());
		problem.setType(ProblemTypes.of("malformed-json"));
		problem.setTitle("Malformed JSON");
		problem.setProperty("errors", List.of(new FieldViolation(violation.field(), violation.message())));
		return problem;
	}

	/** A header or parameter that could not be read; the reason names no class. */
	@ExceptionHandler
	ProblemDetail unreadableRequest(ServerWebInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				(ex.getReason() != null) ? ex.getReason() : "The request could not be read");
		problem.setType(ProblemTypes.of("bad-request"));
		problem.setTitle("Bad request");
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notAccepted(PlanNotAcceptedException ex, ServerWebExchange exchange) {
		RequestIdFilter.withMdc(exchange, () -> logger.warn("Plan request not accepted", ex));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The plan was not accepted because the event broker did not acknowledge it; nothing was stored. Retry.");
		problem.setType(ProblemTypes.of("broker-unavailable"));
		problem.setTitle("Plan not accepted");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", Long.toString(this.properties.brokerRetryAfter().toSeconds()))
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> behind(PipelineBehindException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setType(ProblemTypes.of("planner-busy"));
		problem.setTitle("Planner busy");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", Long.toString(Math.max(1, ex.retryAfter().toSeconds())))
			.body(problem);
	}

	@ExceptionHandler
	ProblemDetail keyReused(IdempotencyKeyReusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				ex.getMessage() + "; use a new key for a new request.");
		problem.setType(ProblemTypes.of("idempotency-key-reused"));
		problem.setTitle("Idempotency-Key reused");
		problem.setProperty("planId", ex.planId());
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> keyInFlight(IdempotencyKeyInFlightException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(ProblemTypes.of("idempotency-key-in-flight"));
		problem.setTitle("Request in flight");
		if (ex.planId() != null) {
			problem.setProperty("planId", ex.planId());
		}
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.header("Retry-After", Long.toString(this.properties.inFlightRetryAfter().toSeconds()))
			.body(problem);
	}

}
