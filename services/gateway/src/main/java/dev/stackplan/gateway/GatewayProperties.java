package dev.stackplan.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.stackplan.gateway.client.ApiClients;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Gateway settings: the one owner of {@code stackplan.gateway} (defaults in
 * application.yml).
 *
 * @param intakeUrl base URL of the intake service
 * @param intakeTimeout how long to wait for intake (which waits for the broker's
 * acknowledgement)
 * @param intakeRetryAfter the {@code Retry-After} of the 503 when intake did not answer
 * @param storeTimeout how long a listener waits for the read model
 * @param latencySlo histogram buckets of the request-to-plan latency; the service level
 * objective is the p99 under 5 s
 * @param maxWait the longest {@code Prefer: wait} honoured
 * @param eventStreamTimeout the longest a plan's event stream stays open
 * @param defaultPageSize the page size of a list without {@code limit}
 * @param maxPageSize the largest {@code limit} of a list
 * @param planTimeout how long a plan may wait for its halves before it is PARTIAL (a late
 * half still completes it)
 * @param deadlineCheckInterval how often plans past their timeout are looked for
 * @param intakeToken the secret intake expects from the gateway on every call; the same
 * value as intake's {@code stackplan.intake.internal-token}
 * @param intakeConnections connections to intake at once; with intake's latency this
 * bounds the accept rate (Little's law), so it must exceed the target rate times that
 * latency (Reactor Netty's default pool holds 16 on two cores)
 * @param intakePendingAcquires calls that may wait for a connection before the next is
 * refused at once
 * @param maxBody the largest request body: a declared longer one is refused before it is
 * read, a chunked one as it passes this ({@code spring.http.codecs.max-in-memory-size}
 * names this key)
 * @param maxHeaders the largest header block (names, values and their separators): a
 * larger one is a 431 problem; {@code server.max-http-request-header-size}, Netty's own
 * limit, is set well above it, so only a block past even that gets Netty's bare 431
 * @param cachedAssumptions requests' own assumptions (distinct patches) whose cost engine
 * is kept built for rendering their plans
 * @param listenerConcurrency consumers of the plan event topics
 * @param scenarioConcurrency consumers of the scenario result topics
 * @param clients every API client and the hash of its key
 * @param rateLimit the default request rate per client
 */
@ConfigurationProperties("stackplan.gateway")
@Validated
public record GatewayProperties(@NotNull URI intakeUrl, @NotNull Duration intakeTimeout,
		@NotNull Duration intakeRetryAfter, @NotNull Duration storeTimeout, @NotEmpty List<Duration> latencySlo,
		@NotNull Duration maxWait, @NotNull Duration eventStreamTimeout, @Positive int defaultPageSize,
		@Positive int maxPageSize, @NotNull Duration planTimeout, @NotNull Duration deadlineCheckInterval,
		String intakeToken, @Positive int intakeConnections, @Positive int intakePendingAcquires,
		@NotNull DataSize maxBody, @NotNull DataSize maxHeaders, @Positive int cachedAssumptions,
		@Positive int listenerConcurrency, @Positive int scenarioConcurrency, @Valid List<ApiClients.Client> clients,
		@Valid @NotNull @NestedConfigurationProperty ApiClients.RateLimit rateLimit) {

	public GatewayProperties {
		if (intakeToken == null || intakeToken.isBlank()) {
			throw new IllegalArgumentException("stackplan.gateway.intake-token (STACKPLAN_INTERNAL_TOKEN) must be set");
		}
		clients = (clients != null) ? List.copyOf(clients) : List.of();
	}

	/** The API clients and their default rate. */
	public ApiClients apiClients() {
		return new ApiClients(this.clients, this.rateLimit);
	}

}
