package dev.stackplan.gateway.plan;

import java.time.Instant;

import dev.stackplan.contracts.intake.IntakeApi;
import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.kit.IdempotencyKeyFormat;
import dev.stackplan.kit.RequestIdFilter;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/** Forwards plan requests to intake, which owns their validation. */
@Component
class IntakeClient {

	private final WebClient intake;

	private final GatewayProperties properties;

	private final ConnectionProvider pool;

	IntakeClient(WebClient.Builder builder, GatewayProperties properties) {
		// a pool of its own, sized for the accept rate: every POST holds a connection for
		// intake's whole answer, the broker's acknowledgement included
		this.pool = ConnectionProvider.builder("intake")
			.maxConnections(properties.intakeConnections())
			.pendingAcquireMaxCount(properties.intakePendingAcquires())
			.pendingAcquireTimeout(properties.intakeTimeout())
			.build();
		this.intake = builder.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.pool)))
			.baseUrl(properties.intakeUrl().toString())
			.build();
		this.properties = properties;
	}

	/**
	 * Intake's answer as it was: status, content type and body, and when to retry a
	 * refusal (a 503 under backpressure or while the broker is away, a 409 in flight).
	 */
	record IntakeAnswer(HttpStatusCode status, MediaType contentType, byte[] body, boolean replayed,
			@Nullable Instant requestedAt, @Nullable String retryAfter) {

	}

	/** The pool is this client's own: closed with the gateway, not with the JVM. */
	@PreDestroy
	void close() {
		this.pool.dispose();
	}

	/**
	 * The request id travels along, so that intake's log lines and problems carry it too.
	 */
	Mono<IntakeAnswer> submit(byte[] body, MediaType contentType, String clientId, @Nullable String idempotencyKey,
			@Nullable String requestId) {
		return this.intake.post()
			.uri(IntakeApi.PLAN_REQUESTS)
			.contentType(contentType)
			.header(IntakeApi.INTERNAL_TOKEN_HEADER, this.properties.intakeToken())
			.header(IntakeApi.CLIENT_HEADER, clientId)
			.headers((headers) -> {
				if (idempotencyKey != null) {
					headers.set(IdempotencyKeyFormat.HEADER, idempotencyKey);
				}
				if (requestId != null) {
					headers.set(RequestIdFilter.HEADER, requestId);
				}
			})
			.bodyValue(body)
			.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> new IntakeAnswer(response.statusCode(),
						response.headers().contentType().orElse(MediaType.APPLICATION_JSON), bytes,
						!response.headers().header(IntakeApi.REPLAYED_HEADER).isEmpty(),
						response.headers()
							.header(IntakeApi.REQUESTED_AT_HEADER)
							.stream()
							.findFirst()
							.map(Instant::parse)
							.orElse(null),
						response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER))))
			.timeout(this.properties.intakeTimeout());
	}

}
