package dev.stackplan.gateway.client;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

/**
 * The API clients allowed in, from configuration ({@code stackplan.gateway.clients} and
 * {@code stackplan.gateway.rate-limit}, bound by the gateway's settings). Keys are never
 * stored: only their SHA-256, which is safe for high-entropy random keys (unlike
 * passwords, they cannot be guessed from a dictionary).
 *
 * @param clients every client and the hash of its key
 * @param rateLimit the default request rate per client
 */
public record ApiClients(List<Client> clients, RateLimit rateLimit) {

	public ApiClients {
		clients = (clients != null) ? List.copyOf(clients) : List.of();
	}

	/**
	 * A token bucket per client, shared by every gateway instance.
	 *
	 * @param requestsPerSecond sustained rate
	 * @param burst bucket size
	 * @param storeTimeout how long a request waits for the buckets' store before it is
	 * refused with a 503
	 * @param unavailableRetryAfter the {@code Retry-After} of that 503
	 * @param warmUpTakes takes, one after another, for a warm-up client, before the web
	 * server opens: a gateway started under load would otherwise meet its first burst
	 * with a cold statement and cold codecs, and refuse it past the store timeout
	 * @param warmUpGiveUpAfter how long the warm-up may hold up the start
	 * @param poolSize connections of the buckets' own pool, beside the main one: takes
	 * never queue behind the work they admit
	 */
	public record RateLimit(@Positive int requestsPerSecond, @Positive int burst, @NotNull Duration storeTimeout,
			@NotNull Duration unavailableRetryAfter, @Positive int warmUpTakes, @NotNull Duration warmUpGiveUpAfter,
			@Positive int poolSize) {

	}

	/**
	 * One API client.
	 *
	 * @param id stable client id; every plan belongs to the client that created it
	 * @param keySha256 lower-case hex SHA-256 of the client's API key
	 * @param roles {@code client} to create and read plans, {@code analyst} for scenarios
	 * @param requestsPerSecond sustained request rate allowed; null for the default
	 * @param burst requests allowed at once after a quiet spell; null for the default
	 */
	public record Client(@NotBlank String id, @NotBlank String keySha256, Set<String> roles,
			@Nullable @Positive Integer requestsPerSecond, @Nullable @Positive Integer burst) {

		public Client {
			roles = (roles != null) ? Set.copyOf(roles) : Set.of("client");
		}

	}

}
