package dev.stackplan.gateway.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API key as presented (not yet checked), or the client it belongs to. Roles become
 * {@code ROLE_<role>} authorities, so the security chain can authorize by role.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final @Nullable String key;

	private final @Nullable ApiClient client;

	private ApiKeyAuthentication(@Nullable String key, @Nullable ApiClient client) {
		super((client != null)
				? client.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList()
				: List.of());
		this.key = key;
		this.client = client;
		setAuthenticated(client != null);
	}

	static ApiKeyAuthentication presented(String key) {
		return new ApiKeyAuthentication(key, null);
	}

	static ApiKeyAuthentication of(ApiClient client) {
		return new ApiKeyAuthentication(null, client);
	}

	/** The presented key; null once it was checked, so it is not kept around. */
	@Override
	public @Nullable String getCredentials() {
		return this.key;
	}

	@Override
	public Object getPrincipal() {
		return (this.client != null) ? this.client : "unchecked API key";
	}

	@Nullable ApiClient client() {
		return this.client;
	}

}
