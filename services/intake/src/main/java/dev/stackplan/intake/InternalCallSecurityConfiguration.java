package dev.stackplan.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import dev.stackplan.contracts.intake.IntakeApi;
import dev.stackplan.kit.ProblemKind;
import dev.stackplan.kit.Problems;
import dev.stackplan.kit.StatelessSecurity;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Intake takes calls from the gateway only: every call but the actuator's carries the
 * shared secret in {@value IntakeApi#INTERNAL_TOKEN_HEADER}, checked before anything else
 * runs (the body is not read, the client header not looked at). Without it, or with a
 * wrong one, the answer is a 401; so {@code X-Stackplan-Client} is only ever believed on
 * a call that proved it came from the gateway.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class InternalCallSecurityConfiguration {

	/** Health and metrics, for probes and Prometheus; they take no input. */
	static final String ACTUATOR = "/actuator/**";

	private static final String GATEWAY = "gateway";

	@Bean
	ReactiveAuthenticationManager internalTokenAuthentication(IntakeProperties properties) {
		byte[] expected = properties.internalToken().getBytes(StandardCharsets.UTF_8);
		return (authentication) -> {
			byte[] presented = String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8);
			// constant time: the time taken depends on the presented token's length only,
			// never on how much of it is right
			if (!MessageDigest.isEqual(presented, expected)) {
				return Mono.error(new BadCredentialsException("wrong internal token"));
			}
			return Mono.just(UsernamePasswordAuthenticationToken.authenticated(GATEWAY, null, List.of()));
		};
	}

	@Bean
	SecurityWebFilterChain internalCallSecurity(ServerHttpSecurity http, ReactiveAuthenticationManager tokens,
			JsonMapper json) {
		ServerWebExchangeMatcher actuator = ServerWebExchangeMatchers.pathMatchers(ACTUATOR);
		ServerAuthenticationEntryPoint unauthorized = unauthorized(json);
		AuthenticationWebFilter authentication = new AuthenticationWebFilter(tokens);
		authentication.setServerAuthenticationConverter(tokenConverter());
		authentication.setRequiresAuthenticationMatcher(new NegatedServerWebExchangeMatcher(actuator));
		authentication.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthorized));
		return StatelessSecurity.authenticatedBy(http, authentication)
			.authorizeExchange((exchanges) -> exchanges.matchers(actuator).permitAll().anyExchange().authenticated())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized))
			.build();
	}

	private static ServerAuthenticationConverter tokenConverter() {
		return (exchange) -> Mono
			.justOrEmpty(exchange.getRequest().getHeaders().getFirst(IntakeApi.INTERNAL_TOKEN_HEADER))
			.map((token) -> UsernamePasswordAuthenticationToken.unauthenticated(GATEWAY, token));
	}

	/** The same answer for a missing and a wrong token: nothing to learn from it. */
	private static ServerAuthenticationEntryPoint unauthorized(JsonMapper json) {
		return (exchange, ex) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "StackplanInternal");
			return Problems.write(exchange, json,
					ProblemKind.UNAUTHORIZED.problem("Intake takes calls from the gateway only"));
		};
	}

}
