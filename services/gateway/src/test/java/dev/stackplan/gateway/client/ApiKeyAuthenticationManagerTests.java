package dev.stackplan.gateway.client;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.stackplan.kit.Sha256;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A presented key is found by its SHA-256 among the configured clients: it authenticates
 * as that client, with its roles as authorities and its own rate or the default one; any
 * other key is refused, and two clients with one key are refused at start.
 */
class ApiKeyAuthenticationManagerTests {

	private static final ApiClients.RateLimit DEFAULT_RATE = new ApiClients.RateLimit(100, 200, Duration.ofMillis(800),
			Duration.ofSeconds(1), 8, Duration.ofSeconds(1), 2);

	private static final ApiClients CLIENTS = new ApiClients(
			List.of(new ApiClients.Client("demo", Sha256.hex("demo-key"), Set.of("client"), null, null),
					// configured in upper case: hex is compared without regard to case
					new ApiClients.Client("analyst", Sha256.hex("analyst-key").toUpperCase(Locale.ROOT),
							Set.of("client", "analyst"), 5, 10)),
			DEFAULT_RATE);

	private final ApiKeyAuthenticationManager manager = new ApiKeyAuthenticationManager(CLIENTS);

	@Test
	void aConfiguredKeyIsItsClientWithTheDefaultRate() {
		Authentication authenticated = this.manager.authenticate(ApiKeyAuthentication.presented("demo-key")).block();

		assertThat(authenticated.isAuthenticated()).isTrue();
		assertThat(authenticated.getPrincipal()).isEqualTo(new ApiClient("demo", Set.of("client"), 100, 200));
		assertThat(authenticated.getCredentials()).as("the key is not kept once checked").isNull();
		assertThat(authenticated.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_client");
	}

	@Test
	void aClientWithARateOfItsOwnKeepsItAndItsRoles() {
		Authentication authenticated = this.manager.authenticate(ApiKeyAuthentication.presented("analyst-key")).block();

		assertThat(authenticated.getPrincipal())
			.isEqualTo(new ApiClient("analyst", Set.of("client", "analyst"), 5, 10));
		assertThat(authenticated.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_client", "ROLE_analyst");
	}

	@Test
	void anyOtherKeyIsRefused() {
		for (String key : List.of("other-key", "DEMO-KEY", "demo-key ", Sha256.hex("demo-key"), "")) {
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> this.manager.authenticate(ApiKeyAuthentication.presented(key)).block())
				.as(key)
				.withMessage("The API key is not valid");
		}
	}

	@Test
	void twoClientsSharingAKeyAreRefusedAtStart() {
		ApiClients shared = new ApiClients(
				List.of(new ApiClients.Client("a", Sha256.hex("k"), null, null, null),
						new ApiClients.Client("b", Sha256.hex("k").toUpperCase(Locale.ROOT), null, null, null)),
				DEFAULT_RATE);

		assertThatIllegalStateException().isThrownBy(() -> new ApiKeyAuthenticationManager(shared))
			.withMessage("Two clients share one key: a, b");
	}

}
