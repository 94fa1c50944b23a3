package dev.stackplan.gateway.client;

import dev.stackplan.gateway.GatewayProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a declared body over {@code stackplan.gateway.max-body} before reading it
 * (413). Bodies without a length are bounded by the codecs'
 * {@code spring.http.codecs.max-in-memory-size}, which the problem handler also answers
 * with 413.
 */
@Component
// right after the request id filter, so that a refused body has an id too
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeFilter implements WebFilter {

	private final JsonMapper json;

	private final DataSize maxBody;

	RequestSizeFilter(JsonMapper json, GatewayProperties properties) {
		this.json = json;
		this.maxBody = properties.maxBody();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > this.maxBody.toBytes()) {
			return Problems.write(exchange, this.json, Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
					"Body too large",
					"The request body has " + length + " bytes; at most " + this.maxBody.toBytes() + " are accepted"));
		}
		return chain.filter(exchange);
	}

}
