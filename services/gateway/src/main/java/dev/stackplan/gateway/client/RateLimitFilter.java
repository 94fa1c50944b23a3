package dev.stackplan.gateway.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A token bucket per API client: over its rate a client gets 429 with
 * {@code Retry-After}. Per gateway instance; behind N instances a client's effective
 * limit is up to N times its rate. Runs inside the security chain, right after
 * authorization ({@link ApiSecurityConfiguration}).
 */
class RateLimitFilter implements WebFilter {

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final JsonMapper json;

	RateLimitFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ApiClient client = exchange.getAttribute(ApiClient.ATTRIBUTE);
		if (client == null) {
			return chain.filter(exchange);
		}
		TokenBucket bucket = this.buckets.computeIfAbsent(client.id(),
				(id) -> new TokenBucket(client.requestsPerSecond(), client.burst(), System::nanoTime));
		long waitNanos = bucket.tryTake();
		if (waitNanos == 0) {
			return chain.filter(exchange);
		}
		long retryAfterSeconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
		exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
		return Problems.write(exchange, this.json,
				Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
						"This API key may send " + client.requestsPerSecond() + " requests per second (bursts of "
								+ client.burst() + "); retry after " + retryAfterSeconds + " s"));
	}

}
