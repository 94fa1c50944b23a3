package dev.stackplan.gateway.client;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API clients allowed in, from configuration. Keys are never stored: only their
 * SHA-256, which is safe for high-entropy random keys (unlike passwords, they cannot be
 * guessed from a dictionary).
 *
 * @param clients every client and the hash of its key
 * @param rateLimit the default request rate per client
 */
@ConfigurationProperties("stackplan.gateway")
public record ApiClientsProperties(List<Client> clients, @DefaultValue RateLimit rateLimit) {

	/**
	 * A token bucket per client, shared by every gateway instance.
	 *
	 * @param requestsPerSecond sustained rate
	 * @param burst bucket size
	 * @param storeTimeout how long a request waits for the buckets' store before it is
	 * refused with a 503
	 * @param unavailableRetryAfter the {@code Retry-After} of that 503
	 */
	public record RateLimit(@DefaultValue("100") int requestsPerSecond, @DefaultValue("200") int burst,
			@DefaultValue("800ms") Duration storeTimeout, @DefaultValue("1s") Duration unavailableRetryAfter) {

	}

	public ApiClientsProperties {
		clients = (clients != null) ? List.copyOf(clients) : List.of();
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
	public record Client(String id, String keySha256, Set<String> roles, @Nullable Integer requestsPerSecond,
			@Nullable Integer burst) {

		public Client {
			roles = (roles != null) ? Set.copyOf(roles) : Set.of("client");
		}

	}

}
