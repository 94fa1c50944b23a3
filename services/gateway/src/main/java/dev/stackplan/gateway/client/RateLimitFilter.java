package dev.stackplan.gateway.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A token bucket per API client: over its rate a client gets 429 with
 * {@code Retry-After}. Per gateway instance; behind N instances a client's effective
 * limit is up to N times its rate. Runs inside the security chain, right after
 * authorization ({@link ApiSecurityConfiguration}).
 * <p>
 * Every answer to a client says where it stands, in the fields of the IETF httpapi draft
 * "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers-10):
 * {@code RateLimit-Policy: "per-key";q=<burst>;w=<seconds to refill the burst>} and
 * {@code RateLimit: "per-key";r=<requests left now>;t=<seconds until full again>}. A
 * token bucket has no fixed window; the window named is the time it takes to refill.
 */
class RateLimitFilter implements WebFilter {

	static final String POLICY_HEADER = "RateLimit-Policy";

	static final String STATE_HEADER = "RateLimit";

	/** The one policy: a bucket per API key. */
	static final String POLICY = "per-key";

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

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
		TokenBucket.Taken taken = bucket.take();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set(POLICY_HEADER, "\"" + POLICY + "\";q=" + client.burst() + ";w="
				+ ceilSeconds(NANOS_PER_SECOND * client.burst() / client.requestsPerSecond()));
		headers.set(STATE_HEADER,
				"\"" + POLICY + "\";r=" + taken.remaining() + ";t=" + ceilSeconds(taken.nanosUntilFull()));
		long waitNanos = taken.waitNanos();
		if (waitNanos == 0) {
			return chain.filter(exchange);
		}
		long retryAfterSeconds = Math.max(1, ceilSeconds(waitNanos));
		exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
		return Problems.write(exchange, this.json,
				Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
						"This API key may send " + client.requestsPerSecond() + " requests per second (bursts of "
								+ client.burst() + "); retry after " + retryAfterSeconds + " s"));
	}

	private static long ceilSeconds(long nanos) {
		return (Math.max(0, nanos) + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
	}

}
