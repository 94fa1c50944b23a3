package dev.stackplan.gateway;

import java.time.Clock;

import dev.stackplan.gateway.client.RateLimiter;
import dev.stackplan.kit.DependencyWatch;
import dev.stackplan.testsupport.Dependencies;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What every gateway web slice needs beside its controller: the gateway's settings (bound
 * from gateway.yml), a rate limiter that lets every request through (the shared store has
 * tests of its own), dependencies that are all available and the system clock.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GatewayProperties.class, InputLimits.class })
public class GatewayWebTestBeans {

	@Bean
	RateLimiter rateLimiter() {
		return (client) -> Mono.just(new RateLimiter.Taken(0, client.burst() - 1, 0));
	}

	@Bean
	DependencyWatch dependencyWatch() {
		return Dependencies.allAvailable();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
