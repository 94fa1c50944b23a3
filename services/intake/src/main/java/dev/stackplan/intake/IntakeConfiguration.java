package dev.stackplan.intake;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
