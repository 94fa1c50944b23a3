package dev.stackplan.kit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.autoconfigure.ReactorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request id on the log lines of a request: those written with the exchange at hand
 * and those written on whatever thread the request's work hops to (Reactor's context
 * propagation), the caller's id when it is sane and a new one otherwise.
 */
class RequestIdFilterTests {

	private static final Log logger = LogFactory.getLog(RequestIdFilterTests.class);

	private final RequestIdFilter filter = new RequestIdFilter(JsonMapper.builder().build());

	private final List<Line> lines = new CopyOnWriteArrayList<>();

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
		@Override
		protected void append(ILoggingEvent event) {
			RequestIdFilterTests.this.lines.add(new Line(event.getFormattedMessage(), event.getThreadName(),
					event.getMDCPropertyMap().get(RequestIdFilter.ATTRIBUTE)));
		}
	};

	@BeforeEach
	void listen() {
		this.appender.start();
		((Logger) LoggerFactory.getLogger(RequestIdFilterTests.class)).addAppender(this.appender);
	}

	@AfterEach
	void stopListening() {
		((Logger) LoggerFactory.getLogger(RequestIdFilterTests.class)).detachAppender(this.appender);
	}

	@Test
	void aLineWrittenOnAnotherThreadNamesTheCallersRequestId() {
		String requestThread = Thread.currentThread().getName();
		WebFilterChain chain = (exchange) -> Mono.delay(Duration.ofMillis(10))
			.publishOn(Schedulers.boundedElastic())
			.doOnNext((tick) -> logger.warn("far from the request's thread"))
			.then();

		withContextPropagation(() -> this.filter.filter(exchange("caller-id-1"), chain).block(Duration.ofSeconds(5)));

		assertThat(this.lines).singleElement().satisfies((line) -> {
			assertThat(line.thread()).isNotEqualTo(requestThread).startsWith("boundedElastic");
			assertThat(line.requestId()).isEqualTo("caller-id-1");
		});
	}

	@Test
	void theRequestIdLeavesTheThreadsOfTheRequestWithIt() {
		WebFilterChain chain = (exchange) -> Mono.delay(Duration.ofMillis(10))
			.publishOn(Schedulers.boundedElastic())
			.doOnNext((tick) -> logger.warn("the request's line"))
			.then();

		withContextPropagation(() -> {
			this.filter.filter(exchange("caller-id-2"), chain).block(Duration.ofSeconds(5));
			Mono.delay(Duration.ofMillis(10))
				.publishOn(Schedulers.boundedElastic())
				.doOnNext((tick) -> logger.warn("a line of no request"))
				.block(Duration.ofSeconds(5));
			logger.warn("the caller's thread after the request");
		});

		assertThat(this.lines).extracting(Line::requestId).containsExactly("caller-id-2", null, null);
	}

	@Test
	void aLineWrittenWithTheExchangeNamesTheRequestIdAndTheMdcIsClearedAfterwards() {
		MockServerWebExchange exchange = exchange(null);
		WebFilterChain chain = (stamped) -> Mono
			.fromRunnable(() -> RequestIdFilter.withMdc(stamped, () -> logger.warn("with the exchange at hand")));

		this.filter.filter(exchange, chain).block(Duration.ofSeconds(5));
		logger.warn("after the request");

		String made = exchange.getResponse().getHeaders().getFirst(RequestIdFilter.HEADER);
		assertThat(made).matches("[0-9a-f-]{36}");
		assertThat(this.lines).extracting(Line::requestId).containsExactly(made, null);
	}

	@Test
	void anInsaneCallerIdIsReplacedInTheLogLinesToo() {
		WebFilterChain chain = (stamped) -> Mono.fromRunnable(() -> logger.warn("a line"));

		withContextPropagation(
				() -> this.filter.filter(exchange("two words\nand a line break"), chain).block(Duration.ofSeconds(5)));

		assertThat(this.lines).singleElement()
			.satisfies((line) -> assertThat(line.requestId()).matches("[0-9a-f-]{36}"));
	}

	/**
	 * Runs {@code work} with Reactor's context propagation as every service configures it
	 * ({@code spring.reactor.context-propagation=auto}, through Spring Boot), and off
	 * again after.
	 */
	private static void withContextPropagation(Runnable work) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ReactorAutoConfiguration.class))
			.withPropertyValues("spring.reactor.context-propagation=auto")
			.run((context) -> {
				try {
					work.run();
				}
				finally {
					Hooks.disableAutomaticContextPropagation();
				}
			});
	}

	private static MockServerWebExchange exchange(String requestId) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/plans");
		if (requestId != null) {
			request.header(RequestIdFilter.HEADER, requestId);
		}
		return MockServerWebExchange.from(request);
	}

	private record Line(String message, String thread, String requestId) {
	}

}
