package dev.stackplan.gateway.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import dev.stackplan.kit.ProblemTypes;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 problem details from web filters, which run before any controller
 * advice.
 */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(type));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * A problem as a response entity, for controllers that answer with a problem or a
	 * body.
	 */
	public static ResponseEntity<ProblemDetail> response(HttpStatus status, String type, String title, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(status, type, title, detail));
	}

	public static Mono<Void> write(ServerWebExchange exchange, JsonMapper json, ProblemDetail problem) {
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
