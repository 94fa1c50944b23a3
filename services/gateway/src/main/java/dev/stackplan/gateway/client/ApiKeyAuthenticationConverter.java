package dev.stackplan.gateway.client;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the API key from {@code Authorization: Bearer <key>}, else {@code X-Api-Key}. No
 * key at all is no authentication attempt: the entry point then says how to send one.
 */
final class ApiKeyAuthenticationConverter implements ServerAuthenticationConverter {

	static final String API_KEY_HEADER = "X-Api-Key";

	private static final String BEARER = "Bearer ";

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		return Mono.justOrEmpty(presentedKey(exchange.getRequest().getHeaders())).map(ApiKeyAuthentication::presented);
	}

	private static @Nullable String presentedKey(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return authorization.substring(BEARER.length()).strip();
		}
		return headers.getFirst(API_KEY_HEADER);
	}

}
