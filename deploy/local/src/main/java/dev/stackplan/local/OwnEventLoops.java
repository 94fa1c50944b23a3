package dev.stackplan.local;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Each service of this one JVM owns its Netty event loops instead of Reactor Netty's
 * JVM-wide ones: a service that stops would otherwise shut the loops of every other
 * service. Added by {@link PlatformServices} to every service's context; Boot's own
 * factory backs off.
 */
@Configuration(proxyBeanMethods = false)
class OwnEventLoops {

	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory resources = new ReactorResourceFactory();
		resources.setUseGlobalResources(false);
		return resources;
	}

}
