package dev.stackplan.gateway;

import dev.stackplan.gateway.client.RateLimiter;
import dev.stackplan.testsupport.WebSliceBeans;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What every gateway web slice needs beside its controller: the gateway's settings (bound
 * from application.yml), a rate limiter that lets every request through (the shared store
 * has tests of its own) and the {@link WebSliceBeans}.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GatewayProperties.class, InputLimits.class })
@Import(WebSliceBeans.class)
public class GatewayWebTestBeans {

	@Bean
	RateLimiter rateLimiter() {
		return (client) -> Mono.just(new RateLimiter.Taken(0, client.burst() - 1, 0));
	}

}
