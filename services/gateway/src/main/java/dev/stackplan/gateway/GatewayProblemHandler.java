package dev.stackplan.gateway;

import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.stackplan.gateway.plan.IntakeRefusedException;
import dev.stackplan.kit.ProblemAdvice;
import dev.stackplan.kit.ProblemException;
import dev.stackplan.kit.ProblemKind;
import dev.stackplan.kit.RequestIdFilter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every refusal of the public API as an RFC 9457 problem: the ones every service shares
 * ({@link ProblemAdvice}, which answers every {@link ProblemException} the controllers
 * throw), intake's own refusals passed on, intake away, and a body over the codecs'
 * limit.
 */
@RestControllerAdvice
class GatewayProblemHandler extends ProblemAdvice {

	private static final Log logger = LogFactory.getLog(GatewayProblemHandler.class);

	private final GatewayProperties properties;

	GatewayProblemHandler(GatewayProperties properties) {
		this.properties = properties;
	}

	/** Intake's answer as it gave it, but for the path it names. */
	@ExceptionHandler
	ResponseEntity<byte[]> intakeRefused(IntakeRefusedException ex) {
		ResponseEntity.BodyBuilder refused = ResponseEntity.status(ex.status()).contentType(ex.contentType());
		if (ex.retryAfter() != null) {
			refused.header(HttpHeaders.RETRY_AFTER, ex.retryAfter());
		}
		return refused.body(ex.body());
	}

	@ExceptionHandler({ WebClientRequestException.class, TimeoutException.class })
	ResponseEntity<ProblemDetail> intakeUnavailable(Exception ex, ServerWebExchange exchange) {
		RequestIdFilter.withMdc(exchange, () -> logger.warn("Intake did not answer", ex));
		return refused(new ProblemException(ProblemKind.INTAKE_UNAVAILABLE,
				"The plan was not accepted because the intake service did not answer; retry.", Map.of(),
				this.properties.intakeRetryAfter(), ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> bodyTooLarge(DataBufferLimitException ex) {
		return refused(new ProblemException(ProblemKind.BODY_TOO_LARGE,
				"The request body is larger than the " + this.properties.maxBody().toKilobytes() + " KiB accepted"));
	}

}
