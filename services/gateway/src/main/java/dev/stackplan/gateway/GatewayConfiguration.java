package dev.stackplan.gateway;

import java.time.Clock;

import dev.stackplan.contracts.knowledge.KnowledgeBase;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class GatewayConfiguration {

	/** For validating what-if overrides before a scenario runs. */
	@Bean
	KnowledgeBase knowledgeBase() {
		return KnowledgeBase.load();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
