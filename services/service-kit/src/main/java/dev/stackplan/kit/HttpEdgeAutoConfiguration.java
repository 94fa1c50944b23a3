package dev.stackplan.kit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Each service bounds how long a client may keep a connection without sending, and how
 * many connections one address may hold.
 */
@AutoConfiguration
@EnableConfigurationProperties(HttpEdgeProperties.class)
public class HttpEdgeAutoConfiguration {

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

}
