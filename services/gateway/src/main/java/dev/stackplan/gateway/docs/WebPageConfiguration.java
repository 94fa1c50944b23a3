package dev.stackplan.gateway.docs;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The web page's scripts and styles, from the gateway's own folder of the class path
 * rather than Boot's shared {@code static/}: in the one-JVM local platform every service
 * sees every jar, and only the gateway should serve the page.
 */
@Configuration(proxyBeanMethods = false)
class WebPageConfiguration implements WebFluxConfigurer {

	static final String ASSETS = "/app/**";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// revalidated on every load, so a new release of the page is never mixed with an
		// old cached module
		registry.addResourceHandler(ASSETS)
			.addResourceLocations("classpath:/web/app/")
			.setCacheControl(CacheControl.maxAge(Duration.ZERO).cachePublic().mustRevalidate());
	}

}
