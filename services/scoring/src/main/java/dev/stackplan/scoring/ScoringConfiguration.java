package dev.stackplan.scoring;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.scoring.engine.ScoringEngine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

	/**
	 * Built once at start-up: a knowledge base that does not parse stops the service
	 * before it consumes.
	 */
	@Bean
	ScoringEngine scoringEngine(KnowledgeBase knowledge) {
		return ScoringEngine.fromKnowledge(knowledge);
	}

}
