package dev.stackplan.gateway.client;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.stackplan.kit.Sha256;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;

/**
 * Finds the client of a presented API key by the key's SHA-256; the keys themselves are
 * never configured.
 */
final class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

	private final Map<String, ApiClient> clientsByKeyHash;

	ApiKeyAuthenticationManager(ApiClients properties) {
		this.clientsByKeyHash = properties.clients()
			.stream()
			.collect(Collectors.toUnmodifiableMap((client) -> client.keySha256().toLowerCase(Locale.ROOT),
					(client) -> new ApiClient(client.id(), client.roles(),
							(client.requestsPerSecond() != null) ? client.requestsPerSecond()
									: properties.rateLimit().requestsPerSecond(),
							(client.burst() != null) ? client.burst() : properties.rateLimit().burst()),
					(a, b) -> {
						throw new IllegalStateException("Two clients share one key: " + a.id() + ", " + b.id());
					}));
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		String key = (authentication.getCredentials() instanceof String presented) ? presented : null;
		ApiClient client = (key != null) ? this.clientsByKeyHash.get(Sha256.hex(key)) : null;
		if (client == null) {
			return Mono.error(new BadCredentialsException("The API key is not valid"));
		}
		return Mono.just(ApiKeyAuthentication.of(client));
	}

}
