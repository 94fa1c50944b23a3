package dev.stackplan.gateway.client;

import java.util.Optional;

import dev.stackplan.kit.Dependency;
import dev.stackplan.kit.DependencyWatch;
import dev.stackplan.kit.ProblemKind;
import dev.stackplan.kit.Problems;
import dev.stackplan.kit.RequestIdFilter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A token bucket per API client, shared by every gateway instance ({@link RateLimiter}):
 * over its rate a client gets 429 with {@code Retry-After}, however many gateways its
 * requests are spread over. Runs inside the security chain, right after authorization
 * ({@link ApiSecurityConfiguration}).
 * <p>
 * Every answer to a client says where it stands, in the fields of the IETF httpapi draft
 * "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers-10):
 * {@code RateLimit-Policy: "per-key";q=<burst>;w=<seconds to refill the burst>} and
 * {@code RateLimit: "per-key";r=<requests left now>;t=<seconds until full again>}. A
 * token bucket has no fixed window; the window named is the time it takes to refill.
 * <p>
 * When the buckets' store does not answer within its timeout the request is refused with
 * a 503 and {@code Retry-After}, not let through: letting requests through unmetered
 * would lift every client's limit exactly when the database is in trouble, and the plans
 * and scenarios behind the limit live in that database too.
 */
class RateLimitFilter implements WebFilter {

	private static final Log logger = LogFactory.getLog(RateLimitFilter.class);

	static final String POLICY_HEADER = "RateLimit-Policy";

	static final String STATE_HEADER = "RateLimit";

	/** The one policy: a bucket per API key. */
	static final String POLICY = "per-key";

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final RateLimiter limiter;

	private final ApiClients.RateLimit settings;

	private final JsonMapper json;

	private final DependencyWatch dependencies;

	RateLimitFilter(RateLimiter limiter, ApiClients.RateLimit settings, JsonMapper json, DependencyWatch dependencies) {
		this.dependencies = dependencies;
		this.limiter = limiter;
		this.settings = settings;
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ApiClient client = exchange.getAttribute(ApiClient.ATTRIBUTE);
		if (client == null) {
			return chain.filter(exchange);
		}
		if (!this.dependencies.state(Dependency.DATABASE).available()) {
			// the buckets live in the database: known away, so no wait for the store
			// timeout
			return unavailable(exchange);
		}
		return this.limiter.take(client).timeout(this.settings.storeTimeout()).map(Optional::of).onErrorResume((ex) -> {
			// on the timer's or the driver's thread: the id comes from the exchange
			RequestIdFilter.withMdc(exchange, () -> logger.warn("The rate limit store did not answer: " + ex));
			return Mono.just(Optional.empty());
		}).flatMap((taken) -> taken.isPresent() ? answer(exchange, chain, client, taken.get()) : unavailable(exchange));
	}

	private Mono<Void> answer(ServerWebExchange exchange, WebFilterChain chain, ApiClient client,
			RateLimiter.Taken taken) {
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
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		return Problems.write(exchange, this.json,
				ProblemKind.RATE_LIMITED
					.problem("This API key may send " + client.requestsPerSecond() + " requests per second (bursts of "
							+ client.burst() + "); retry after " + retryAfterSeconds + " s"));
	}

	private Mono<Void> unavailable(ServerWebExchange exchange) {
		long retryAfterSeconds = Math.max(1, this.settings.unavailableRetryAfter().toSeconds());
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		return Problems.write(exchange, this.json,
				ProblemKind.RATE_LIMIT_UNAVAILABLE
					.problem("The request budget of this API key cannot be checked right now; retry after "
							+ retryAfterSeconds + " s"));
	}

	private static long ceilSeconds(long nanos) {
		return (Math.max(0, nanos) + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
	}

}
