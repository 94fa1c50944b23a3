package dev.stackplan.kit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Each service owns its Netty event loops instead of Reactor Netty's JVM-wide ones: in
 * the one-JVM local platform and its tests, a service that stops would otherwise shut the
 * loops of every other service. And each bounds how long a client may keep a connection
 * without sending.
 */
@AutoConfiguration(before = NettyReactiveWebServerAutoConfiguration.class)
@EnableConfigurationProperties(HttpEdgeProperties.class)
public class OwnNettyResourcesAutoConfiguration {

	/**
	 * Slow, silent or greedy clients do not hold connections: see
	 * {@link HttpEdgeProperties}.
	 */
	@Bean
	NettyServerCustomizer edgeTimeouts(HttpEdgeProperties edge) {
		ConnectionsPerAddress perAddress = new ConnectionsPerAddress(edge.maxConnectionsPerAddress());
		return (server) -> server.idleTimeout(edge.idleTimeout())
			.readTimeout(edge.readTimeout())
			.requestTimeout(edge.requestTimeout())
			.doOnChannelInit(perAddress::admit);
	}

	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory resources = new ReactorResourceFactory();
		resources.setUseGlobalResources(false);
		return resources;
	}

}
