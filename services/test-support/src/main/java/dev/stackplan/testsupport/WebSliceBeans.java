package dev.stackplan.testsupport;

import java.time.Clock;

import dev.stackplan.kit.DependencyWatch;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What a web slice of any service needs beside its controller: dependencies that are all
 * available (the watch has tests of its own) and the system clock.
 */
@TestConfiguration(proxyBeanMethods = false)
public class WebSliceBeans {

	@Bean
	DependencyWatch dependencyWatch() {
		return Dependencies.allAvailable();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
