package dev.stackplan.gateway.client;

import java.util.Set;

import org.springframework.web.server.ServerWebExchange;

/**
 * The authenticated caller of a request.
 *
 * @param id client id
 * @param roles granted roles
 * @param requestsPerSecond sustained request rate allowed
 * @param burst requests allowed at once
 */
public record ApiClient(String id, Set<String> roles, int requestsPerSecond, int burst) {

	static final String ATTRIBUTE = ApiClient.class.getName();

	public static final String ANALYST = "analyst";

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	/** The client the authentication filter put on the exchange. */
	public static ApiClient of(ServerWebExchange exchange) {
		ApiClient client = exchange.getAttribute(ATTRIBUTE);
		if (client == null) {
			throw new IllegalStateException("No authenticated client on " + exchange.getRequest().getPath());
		}
		return client;
	}

}
