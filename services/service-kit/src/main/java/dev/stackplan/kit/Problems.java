package dev.stackplan.kit;

import java.net.URI;
import java.time.Duration;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the problems of {@link ProblemKind}: as a response entity from an advice, and
 * straight onto the exchange from web filters, which run before any advice.
 */
public final class Problems {

	private Problems() {
	}

	/** The answer to a refusal, {@code Retry-After} included. */
	public static ResponseEntity<ProblemDetail> response(ProblemException ex) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.kind().status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex.retryAfter() != null) {
			answer.header(HttpHeaders.RETRY_AFTER, retryAfter(ex.retryAfter()));
		}
		return answer.body(ex.problem());
	}

	/** The problem as the whole answer, its {@code instance} the request's path. */
	public static Mono<Void> write(ServerWebExchange exchange, JsonMapper json, ProblemDetail problem) {
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
		return response.writeWith(Mono.just(buffer));
	}

	/** Whole seconds, at least one: a client told to retry after 0 s would not wait. */
	public static String retryAfter(Duration retryAfter) {
		return Long.toString(Math.max(1, retryAfter.toSeconds()));
	}

}
