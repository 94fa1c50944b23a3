package dev.stackplan.gateway.client;

import java.util.List;
import java.util.Map;

import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.kit.ProblemKind;
import dev.stackplan.kit.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a header block over {@code stackplan.gateway.max-headers} (431) and a declared
 * body over {@code stackplan.gateway.max-body} before reading it (413), each with a
 * problem. Bodies without a length are bounded by the codecs'
 * {@code spring.http.codecs.max-in-memory-size}, which the problem handler also answers
 * with 413. The header limit is checked here rather than left to Netty, whose refusal has
 * no body.
 */
@Component
// right after the request id filter, so that a refused body has an id too
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeFilter implements WebFilter {

	private final JsonMapper json;

	private final DataSize maxBody;

	private final DataSize maxHeaders;

	RequestSizeFilter(JsonMapper json, GatewayProperties properties) {
		this.json = json;
		this.maxBody = properties.maxBody();
		this.maxHeaders = properties.maxHeaders();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long headerBytes = headerBlockBytes(exchange.getRequest().getHeaders());
		if (headerBytes > this.maxHeaders.toBytes()) {
			return Problems.write(exchange, this.json,
					ProblemKind.HEADERS_TOO_LARGE.problem("The request's headers have " + headerBytes
							+ " bytes; at most " + this.maxHeaders.toBytes() + " are accepted"));
		}
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > this.maxBody.toBytes()) {
			return Problems.write(exchange, this.json, ProblemKind.BODY_TOO_LARGE.problem(
					"The request body has " + length + " bytes; at most " + this.maxBody.toBytes() + " are accepted"));
		}
		return chain.filter(exchange);
	}

	/** As sent: {@code name: value} and a line break for each value. */
	static long headerBlockBytes(HttpHeaders headers) {
		long bytes = 0;
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			for (String value : header.getValue()) {
				bytes += header.getKey().length() + 2 + value.length() + 2;
			}
		}
		return bytes;
	}

}
