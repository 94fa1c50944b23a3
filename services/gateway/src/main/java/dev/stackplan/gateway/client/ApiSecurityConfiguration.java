package dev.stackplan.gateway.client;

import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.kit.DependencyWatch;
import dev.stackplan.kit.ProblemKind;
import dev.stackplan.kit.Problems;
import dev.stackplan.kit.StatelessSecurity;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may call what, decided on the routed path: the matchers are path patterns over the
 * application path, parsed as routing parses it (percent-decoded, matrix parameters
 * dropped), so no spelling of a path reaches a controller that its rule would not. Only
 * the web page, the docs and the problem pages are public; everything else needs an API
 * key, scenarios the analyst role.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class ApiSecurityConfiguration {

	/**
	 * Served without a key: the web page asks for the key and sends it on its own API
	 * calls. The actuator lives on the management port; on the public port these paths
	 * route nowhere (404).
	 */
	static final String[] PUBLIC_PATHS = { "/", "/app/**", "/readme", "/problems", "/problems/**", "/v3/api-docs",
			"/docs", "/webjars/**", "/actuator/**" };

	static final String ANALYST_PATHS = "/api/v1/scenarios/**";

	static final String REALM = "Bearer realm=\"stackplan\"";

	@Bean
	ApiKeyAuthenticationManager apiKeyAuthenticationManager(GatewayProperties properties) {
		return new ApiKeyAuthenticationManager(properties.apiClients());
	}

	@Bean
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ApiKeyAuthenticationManager keys, JsonMapper json,
			RateLimiter rateLimiter, GatewayProperties properties, DependencyWatch dependencies) {
		ServerWebExchangeMatcher publicPaths = ServerWebExchangeMatchers.pathMatchers(PUBLIC_PATHS);
		AuthenticationWebFilter authentication = new AuthenticationWebFilter(keys);
		authentication.setServerAuthenticationConverter(new ApiKeyAuthenticationConverter());
		// a wrong key on a public page is ignored, as a missing one is
		authentication.setRequiresAuthenticationMatcher(new NegatedServerWebExchangeMatcher(publicPaths));
		authentication.setAuthenticationFailureHandler(
				new ServerAuthenticationEntryPointFailureHandler(unauthorized(json, "The API key is not valid")));
		authentication.setAuthenticationSuccessHandler(clientOnExchange());
		return StatelessSecurity.authenticatedBy(http, authentication)
			// per key, so only after the key is known; not a bean, or it would also run
			// outside this chain
			.addFilterAfter(new RateLimitFilter(rateLimiter, properties.rateLimit(), json, dependencies),
					SecurityWebFiltersOrder.AUTHORIZATION)
			.authorizeExchange((exchanges) -> exchanges.matchers(publicPaths)
				.permitAll()
				.pathMatchers(ANALYST_PATHS)
				.hasRole(ApiClient.ANALYST)
				.anyExchange()
				.authenticated())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(
						unauthorized(json, "Send your API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"))
				.accessDeniedHandler(analystsOnly(json)))
			.build();
	}

	/**
	 * The strict firewall, except that matrix parameters pass: routing drops them and so
	 * does the path matching above, so {@code /api;x/v1/plans} meets the same rule as
	 * {@code /api/v1/plans}.
	 */
	@Bean
	ServerWebExchangeFirewall firewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowSemicolon(true);
		return firewall;
	}

	/** A request the firewall refuses is a problem like any other, naming no library. */
	@Bean
	ServerExchangeRejectedHandler rejectedRequests(JsonMapper json) {
		return (exchange, ex) -> Problems.write(exchange, json,
				ProblemKind.REQUEST_REJECTED.problem("The request path or a header is malformed"));
	}

	/** Controllers find the caller on the exchange ({@link ApiClient#of}). */
	private static ServerAuthenticationSuccessHandler clientOnExchange() {
		return (webFilterExchange, authentication) -> {
			ApiClient client = ((ApiKeyAuthentication) authentication).client();
			webFilterExchange.getExchange().getAttributes().put(ApiClient.ATTRIBUTE, client);
			return webFilterExchange.getChain().filter(webFilterExchange.getExchange());
		};
	}

	private static ServerAuthenticationEntryPoint unauthorized(JsonMapper json, String detail) {
		return (exchange, ex) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, REALM);
			return Problems.write(exchange, json, ProblemKind.UNAUTHORIZED.problem(detail));
		};
	}

	/** The same answer the scenario controller gives a client without the role. */
	private static ServerAccessDeniedHandler analystsOnly(JsonMapper json) {
		return (exchange, ex) -> Problems.write(exchange, json, new NotAnAnalystException().problem());
	}

}
