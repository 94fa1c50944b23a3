package dev.stackplan.intake;

import dev.stackplan.intake.plan.PlanNotAcceptedException;
import dev.stackplan.kit.ProblemAdvice;
import dev.stackplan.kit.RequestIdFilter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every refusal of intake as an RFC 9457 problem naming what is wrong: the refusals every
 * service shares ({@link ProblemAdvice}), and a broker that did not acknowledge, which is
 * worth a line in the log.
 */
@RestControllerAdvice
class IntakeProblemHandler extends ProblemAdvice {

	private static final Log logger = LogFactory.getLog(IntakeProblemHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notAccepted(PlanNotAcceptedException ex, ServerWebExchange exchange) {
		RequestIdFilter.withMdc(exchange, () -> logger.warn("Plan request not accepted", ex));
		return refused(ex);
	}

}
