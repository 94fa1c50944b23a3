package dev.stackplan.gateway.client;

import java.util.Set;

import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.kit.BeforeWebServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

/**
 * Takes tokens for a client of its own, one take after another, before the web server
 * opens. Every request with a key takes its token first, within the store timeout; a
 * gateway started under load meets at once the requests that queued while it was away,
 * and with the statement, its codecs and the driver's path all cold, that first burst
 * outlasted the timeout and was refused with 503s. One after another, because takes that
 * overlap would go as one ({@link CoalescingRateLimiter}). The warm-up client's row is an
 * ordinary bucket that no key can use.
 */
@Component
class RateLimitWarmUp extends BeforeWebServer {

	private static final Log logger = LogFactory.getLog(RateLimitWarmUp.class);

	/**
	 * Not an API key's id: ids of keys are named in the settings, and none has spaces.
	 */
	static final ApiClient WARM_UP_CLIENT = new ApiClient("rate limit warm-up", Set.of(), 1_000_000, 1_000_000);

	private final RateLimiter limiter;

	private final ApiClients.RateLimit settings;

	RateLimitWarmUp(RateLimiter limiter, GatewayProperties properties) {
		this.limiter = limiter;
		this.settings = properties.rateLimit();
	}

	@Override
	protected void beforeWebServer() {
		try {
			Flux.range(0, this.settings.warmUpTakes())
				.concatMap((i) -> this.limiter.take(WARM_UP_CLIENT))
				.then()
				.block(this.settings.warmUpGiveUpAfter());
		}
		catch (RuntimeException ex) {
			// the database may be away at start: requests then get the usual quick 503
			logger.warn("The rate limit store did not warm up: " + ex.getMessage());
		}
	}

}
