package dev.stackplan.gateway.scenario;

import dev.stackplan.kit.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Scenario errors as RFC 9457 problem details. */
@RestControllerAdvice
class ScenarioProblemHandler {

	@ExceptionHandler
	ProblemDetail invalid(InvalidScenarioException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The scenario has " + ex.errors().size() + " invalid field(s)");
		problem.setTitle("Invalid scenario");
		problem.setType(ProblemTypes.of("invalid-scenario"));
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail forbidden(NotAnAnalystException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setTitle("Forbidden");
		problem.setType(ProblemTypes.of("analysts-only"));
		return problem;
	}

}
