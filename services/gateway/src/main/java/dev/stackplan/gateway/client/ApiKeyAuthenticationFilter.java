package dev.stackplan.gateway.client;

import java.util.Map;
import java.util.stream.Collectors;

import dev.stackplan.kit.Sha256;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Every {@code /api/} request names its client with {@code Authorization: Bearer <key>}
 * (or {@code X-Api-Key}); anything else is a 401. The docs stay public.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyAuthenticationFilter implements WebFilter {

	static final String API_KEY_HEADER = "X-Api-Key";

	private final Map<String, ApiClient> clientsByKeyHash;

	private final JsonMapper json;

	ApiKeyAuthenticationFilter(ApiClientsProperties properties, JsonMapper json) {
		this.clientsByKeyHash = properties.clients()
			.stream()
			.collect(Collectors.toUnmodifiableMap((client) -> client.keySha256().toLowerCase(java.util.Locale.ROOT),
					(client) -> new ApiClient(client.id(), client.roles(),
							(client.requestsPerSecond() != null) ? client.requestsPerSecond()
									: properties.rateLimit().requestsPerSecond(),
							(client.burst() != null) ? client.burst() : properties.rateLimit().burst()),
					(a, b) -> {
						throw new IllegalStateException("Two clients share one key: " + a.id() + ", " + b.id());
					}));
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		String key = presentedKey(exchange.getRequest().getHeaders());
		ApiClient client = (key != null) ? this.clientsByKeyHash.get(Sha256.hex(key)) : null;
		if (client == null) {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stackplan\"");
			return Problems.write(exchange, this.json,
					Problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
							(key == null) ? "Send your API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"
									: "The API key is not valid"));
		}
		exchange.getAttributes().put(ApiClient.ATTRIBUTE, client);
		return chain.filter(exchange);
	}

	private static String presentedKey(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).strip();
		}
		return headers.getFirst(API_KEY_HEADER);
	}

}
