package dev.stackplan.gateway;

import dev.stackplan.kit.Dependency;
import dev.stackplan.kit.DependencyWatch;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Every API operation reads or files plans and scenarios: while the database is known to
 * be away, they are refused at once (503, {@code Retry-After}) instead of each waiting
 * out its bound; a POST is refused before intake puts its plan on the broker. After the
 * security filters, so a caller without a key still hears 401.
 */
@Component
class DatabaseGateFilter implements WebFilter, Ordered {

	private static final String API = "/api/";

	private final DependencyWatch dependencies;

	DatabaseGateFilter(DependencyWatch dependencies) {
		this.dependencies = dependencies;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith(API)) {
			return Mono.fromRunnable(() -> this.dependencies.require(Dependency.DATABASE)).then(chain.filter(exchange));
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
