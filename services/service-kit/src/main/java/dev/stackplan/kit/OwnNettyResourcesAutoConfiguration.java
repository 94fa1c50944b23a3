package dev.stackplan.kit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Each service owns its Netty event loops instead of Reactor Netty's JVM-wide ones: in
 * the one-JVM local platform and its tests, a service that stops would otherwise shut the
 * loops of every other service.
 */
@AutoConfiguration(before = NettyReactiveWebServerAutoConfiguration.class)
public class OwnNettyResourcesAutoConfiguration {

	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory resources = new ReactorResourceFactory();
		resources.setUseGlobalResources(false);
		return resources;
	}

}
