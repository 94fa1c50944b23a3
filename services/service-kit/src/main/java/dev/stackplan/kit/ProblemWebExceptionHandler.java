package dev.stackplan.kit;

import java.net.URI;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The last word on any error no controller advice answered: an unknown route, a wrong
 * method (with {@code Allow}), an unsupported or unacceptable media type, an error in a
 * filter, an unexpected exception. Always RFC 9457, never Spring's default error map and
 * never an exception's class or message for a 5xx. Runs before Spring Boot's default
 * handler, which therefore never answers.
 */
class ProblemWebExceptionHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemWebExceptionHandler.class);

	private final JsonMapper json;

	ProblemWebExceptionHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem = problemOf(exchange, ex);
		response.getHeaders().clearContentHeaders();
		if (ex instanceof ErrorResponse errorResponse) {
			errorResponse.getHeaders().forEach((name, values) -> response.getHeaders().put(name, values));
		}
		if (ex instanceof DependencyUnavailableException unavailable) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, Problems.retryAfter(unavailable.retryAfter()));
		}
		if (ex instanceof ProblemException refused && refused.retryAfter() != null) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, Problems.retryAfter(refused.retryAfter()));
		}
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.writeValueAsBytes(problem);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	private ProblemDetail problemOf(ServerWebExchange exchange, Throwable ex) {
		String path = exchange.getRequest().getPath().value();
		ProblemDetail problem;
		if (ex instanceof DependencyUnavailableException unavailable) {
			// expected while a dependency is away: one line, not a stack trace per
			// request
			logger.debug("Answered 503 to " + exchange.getRequest().getMethod() + " " + path + ": "
					+ unavailable.getMessage());
			problem = ProblemKind.unavailable(unavailable.dependency(),
					"The request could not be served because " + unavailable.dependency().description()
							+ " is not available; nothing was changed. Retry after the Retry-After seconds.");
			return withInstance(exchange, problem, path);
		}
		if (ex instanceof ProblemException refused) {
			// thrown where no advice answers, e.g. in a filter
			return withInstance(exchange, refused.problem(), path);
		}
		if (ex instanceof ErrorResponse errorResponse && errorResponse.getStatusCode().value() < 500) {
			HttpStatusCode status = errorResponse.getStatusCode();
			problem = ProblemDetail.forStatusAndDetail(status, detailOf(status, exchange, errorResponse));
		}
		else {
			HttpStatusCode status = (ex instanceof ErrorResponse errorResponse) ? errorResponse.getStatusCode()
					: HttpStatus.INTERNAL_SERVER_ERROR;
			RequestIdFilter.withMdc(exchange, () -> logger
				.error("Answered " + status.value() + " to " + exchange.getRequest().getMethod() + " " + path, ex));
			// what went wrong inside stays in the log; the client learns only that it did
			problem = ProblemDetail.forStatusAndDetail(status,
					"The request could not be completed; the error has been logged.");
		}
		problem.setType(ProblemTypes.forStatus(HttpStatusCode.valueOf(problem.getStatus())));
		problem.setTitle(ProblemTypes.titleOf(HttpStatusCode.valueOf(problem.getStatus())));
		return withInstance(exchange, problem, path);
	}

	private static ProblemDetail withInstance(ServerWebExchange exchange, ProblemDetail problem, String path) {
		problem.setInstance(URI.create(path));
		// this handler wraps the filters, so it answers on the exchange before the
		// request id filter decorated it: the id is added here
		String requestId = RequestIdFilter.of(exchange);
		if (requestId != null) {
			problem.setProperty(RequestIdFilter.ATTRIBUTE, requestId);
		}
		return problem;
	}

	/** A sentence for a person, from what the exception knows, naming no class. */
	private static String detailOf(HttpStatusCode status, ServerWebExchange exchange, ErrorResponse ex) {
		var request = exchange.getRequest();
		return switch (status.value()) {
			case 404 -> "Nothing is served at " + request.getPath().value() + "; see /docs for the API.";
			case 405 -> request.getMethod() + " is not allowed on " + request.getPath().value() + "; allowed: "
					+ String.join(", ", ex.getHeaders().getOrEmpty("Allow")) + ".";
			// the raw header: one that does not parse is exactly what is being refused
			case 415 -> ((request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE) != null)
					? "Content-Type '" + request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE) + "' is not supported"
					: "The request has no Content-Type") + "; send " + String.join(", ", supported(ex)) + ".";
			case 406 -> "None of the accepted media types can be produced; this resource answers "
					+ String.join(", ", supported(ex)) + ".";
			default -> {
				String detail = ex.getBody().getDetail();
				yield (detail != null) ? detail : ProblemTypes.titleOf(status);
			}
		};
	}

	private static List<String> supported(ErrorResponse ex) {
		List<MediaType> types = List.of();
		if (ex instanceof UnsupportedMediaTypeStatusException unsupported) {
			types = unsupported.getSupportedMediaTypes();
		}
		else if (ex instanceof NotAcceptableStatusException notAcceptable) {
			types = notAcceptable.getSupportedMediaTypes();
		}
		return types.isEmpty() ? List.of(MediaType.APPLICATION_JSON_VALUE)
				: types.stream().map(MediaType::toString).toList();
	}

}
