package dev.stackplan.gateway.plan;

import java.time.Instant;

import dev.stackplan.gateway.GatewayProperties;
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

	/**
	 * The shared secret that proves to intake the call comes from the gateway; without it
	 * intake trusts no {@link #CLIENT_HEADER}.
	 */
	static final String INTERNAL_TOKEN_HEADER = "X-Stackplan-Internal-Token";

	/** Header through which intake learns the authenticated client. */
	static final String CLIENT_HEADER = "X-Stackplan-Client";

	static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	/** Intake's mark of an answer replayed for a repeated idempotency key. */
	static final String REPLAYED_HEADER = "Idempotent-Replayed";

	/**
	 * When intake accepted a new request; absent on a replay, whose plan is already
	 * filed.
	 */
	static final String REQUESTED_AT_HEADER = "X-Stackplan-Requested-At";

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
			.uri("/internal/v1/plan-requests")
			.contentType(contentType)
			.header(INTERNAL_TOKEN_HEADER, this.properties.intakeToken())
			.header(CLIENT_HEADER, clientId)
			.headers((headers) -> {
				if (idempotencyKey != null) {
					headers.set(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
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
						!response.headers().header(REPLAYED_HEADER).isEmpty(),
						response.headers()
							.header(REQUESTED_AT_HEADER)
							.stream()
							.findFirst()
							.map(Instant::parse)
							.orElse(null),
						response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER))))
			.timeout(this.properties.intakeTimeout());
	}

}
