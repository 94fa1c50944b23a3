package dev.stackplan.gateway.client;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.stackplan.kit.RequestIdFilter;
import dev.stackplan.testsupport.Dependencies;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client hears from the rate limit: the RateLimit fields on every answer, a 429
 * with Retry-After over its budget, and a quick 503 with Retry-After when the shared
 * store cannot say, never a request let through unmetered or left hanging.
 */
class RateLimitFilterTests {

	private static final ApiClient CLIENT = new ApiClient("demo", Set.of("client"), 2, 4);

	private static final ApiClients.RateLimit SETTINGS = new ApiClients.RateLimit(100, 200, Duration.ofMillis(200),
			Duration.ofSeconds(3), 8, Duration.ofSeconds(1), 2);

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicBoolean passedOn = new AtomicBoolean();

	private final WebFilterChain chain = (exchange) -> Mono.fromRunnable(() -> this.passedOn.set(true));

	@Test
	void aRequestWithinTheBudgetPassesWithWhereTheClientStands() {
		MockServerWebExchange exchange = exchange();

		filter((client) -> Mono.just(new RateLimiter.Taken(0, 3, 500_000_000L)), exchange);

		assertThat(this.passedOn).isTrue();
		assertThat(exchange.getResponse().getHeaders().getFirst("RateLimit-Policy")).isEqualTo("\"per-key\";q=4;w=2");
		assertThat(exchange.getResponse().getHeaders().getFirst("RateLimit")).isEqualTo("\"per-key\";r=3;t=1");
	}

	@Test
	void aRequestOverTheBudgetIs429WithRetryAfter() {
		MockServerWebExchange exchange = exchange();

		filter((client) -> Mono.just(new RateLimiter.Taken(1_200_000_000L, 0, 2_000_000_000L)), exchange);

		assertThat(this.passedOn).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("2");
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"type\":\"/problems/rate-limited\"");
	}

	@Test
	void aStoreThatDoesNotAnswerIsAQuick503WithRetryAfter() {
		MockServerWebExchange exchange = exchange();
		long started = System.nanoTime();

		filter((client) -> Mono.never(), exchange);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		unavailable(exchange);
	}

	@Test
	void aStoreThatFailsIsA503WithRetryAfter() {
		MockServerWebExchange exchange = exchange();

		filter((client) -> Mono.error(new IllegalStateException("connection refused")), exchange);

		unavailable(exchange);
		assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("IllegalStateException")
			.doesNotContain("connection refused");
	}

	@Test
	void theLineOfAStoreThatDoesNotAnswerNamesTheRequestAlthoughTheTimerThreadWritesIt() {
		MockServerWebExchange exchange = exchange();
		exchange.getAttributes().put(RequestIdFilter.ATTRIBUTE, "slow-store-request");
		List<ILoggingEvent> lines = new CopyOnWriteArrayList<>();
		AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
			@Override
			protected void append(ILoggingEvent event) {
				lines.add(event);
			}
		};
		appender.start();
		Logger logger = (Logger) LoggerFactory.getLogger(RateLimitFilter.class);
		logger.addAppender(appender);
		try {
			filter((client) -> Mono.never(), exchange);
		}
		finally {
			logger.detachAppender(appender);
		}

		assertThat(lines).singleElement().satisfies((line) -> {
			assertThat(line.getFormattedMessage()).startsWith("The rate limit store did not answer");
			assertThat(line.getThreadName()).isNotEqualTo(Thread.currentThread().getName());
			assertThat(line.getMDCPropertyMap()).containsEntry(RequestIdFilter.ATTRIBUTE, "slow-store-request");
		});
	}

	@Test
	void whileTheDatabaseIsKnownAwayTheStoreIsNotAskedAndTheAnswerIs503AtOnce() {
		MockServerWebExchange exchange = exchange();
		AtomicBoolean asked = new AtomicBoolean();
		RateLimiter limiter = (client) -> Mono.fromRunnable(() -> asked.set(true));

		StepVerifier.create(new RateLimitFilter(limiter, SETTINGS, this.json, Dependencies.databaseAway())
			.filter(exchange, this.chain)).expectComplete().verify(Duration.ofSeconds(5));

		assertThat(asked).isFalse();
		unavailable(exchange);
	}

	private void unavailable(MockServerWebExchange exchange) {
		assertThat(this.passedOn).as("never let through unmetered").isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("3");
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.contains("\"type\":\"/problems/rate-limit-unavailable\"");
	}

	private void filter(RateLimiter limiter, MockServerWebExchange exchange) {
		StepVerifier.create(new RateLimitFilter(limiter, SETTINGS, this.json, Dependencies.allAvailable())
			.filter(exchange, this.chain)).expectComplete().verify(Duration.ofSeconds(5));
	}

	private static MockServerWebExchange exchange() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/plans"));
		exchange.getAttributes().put(ApiClient.ATTRIBUTE, CLIENT);
		return exchange;
	}

}
