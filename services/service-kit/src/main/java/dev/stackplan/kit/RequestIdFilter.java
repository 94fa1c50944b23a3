package dev.stackplan.kit;

import java.util.UUID;
import java.util.regex.Pattern;

import org.reactivestreams.Publisher;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Every request has an id: the caller's {@value #HEADER} when it is a sane token, else a
 * new one. It is echoed in the answer's {@value #HEADER}, added as {@code requestId} to
 * every problem body (whoever wrote it: an advice, a filter, the error handler, or intake
 * behind the gateway), forwarded by the gateway to intake, and put in the log lines
 * written for the request (the logging pattern's {@code %X{requestId}}): it is in the
 * Reactor context of the request's chain, which Reactor's context propagation
 * ({@link RequestIdThreadLocalAccessor}) copies to the MDC of whatever thread runs the
 * request's work; code outside the chain, as the error handler, uses {@link #withMdc}.
 */
public class RequestIdFilter implements WebFilter {

	public static final String HEADER = "X-Request-Id";

	/** The exchange attribute and the MDC key. */
	public static final String ATTRIBUTE = "requestId";

	/**
	 * What a caller's id may look like: a token that cannot break a log line or a header
	 * (no spaces, no control characters), short enough to stay readable.
	 */
	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private final JsonMapper json;

	public RequestIdFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (offered != null && SANE.matcher(offered).matches()) ? offered : UUID.randomUUID().toString();
		exchange.getAttributes().put(ATTRIBUTE, id);
		exchange.getResponse().getHeaders().set(HEADER, id);
		ServerWebExchange stamped = exchange.mutate().response(new ProblemStamping(exchange.getResponse(), id)).build();
		// in the Reactor context too, so that every log line of the chain names it, on
		// whatever thread it runs (RequestIdThreadLocalAccessor)
		return chain.filter(stamped).contextWrite(Context.of(ATTRIBUTE, id));
	}

	/** The request id of an exchange this filter saw, or {@code null}. */
	public static String of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	/**
	 * Runs {@code logging} with the exchange's request id in the MDC: reactive code runs
	 * on shared threads, so the id is set around the log call, not per thread.
	 */
	public static void withMdc(ServerWebExchange exchange, Runnable logging) {
		String id = of(exchange);
		if (id == null) {
			logging.run();
			return;
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable(ATTRIBUTE, id)) {
			logging.run();
		}
	}

	/** Adds {@code requestId} to a problem body on its way out. */
	private final class ProblemStamping extends ServerHttpResponseDecorator {

		private final String id;

		ProblemStamping(ServerHttpResponse delegate, String id) {
			super(delegate);
			this.id = id;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			MediaType type = getHeaders().getContentType();
			if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
				return super.writeWith(body);
			}
			return DataBufferUtils.join(Flux.from(body)).flatMap((joined) -> {
				byte[] bytes = new byte[joined.readableByteCount()];
				joined.read(bytes);
				DataBufferUtils.release(joined);
				byte[] stamped = stamp(bytes);
				getHeaders().setContentLength(stamped.length);
				return super.writeWith(Mono.just(bufferFactory().wrap(stamped)));
			});
		}

		private byte[] stamp(byte[] bytes) {
			try {
				JsonNode problem = RequestIdFilter.this.json.readTree(bytes);
				if (problem instanceof ObjectNode object) {
					object.put(ATTRIBUTE, this.id);
					return RequestIdFilter.this.json.writeValueAsBytes(object);
				}
			}
			catch (RuntimeException ex) {
				// not JSON after all: passed on as it was written
			}
			return bytes;
		}

	}

}
