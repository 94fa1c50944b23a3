package dev.stackplan.kit;

import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * What the security chains of the HTTP services share: every request carries its own
 * credential (an API key, the internal token), checked by the given filter, so there is
 * no session, no saved request, no login form, no basic authentication and, with no
 * cookie read, no CSRF to guard against. Each service adds its own rules.
 */
public final class StatelessSecurity {

	private StatelessSecurity() {
	}

	public static ServerHttpSecurity authenticatedBy(ServerHttpSecurity http, AuthenticationWebFilter authentication) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION);
	}

}
