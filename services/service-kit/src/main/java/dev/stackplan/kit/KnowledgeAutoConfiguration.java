package dev.stackplan.kit;

import dev.stackplan.contracts.knowledge.KnowledgeBase;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The knowledge base this build ships, loaded once at start-up: knowledge that does not
 * parse stops the service before it consumes or answers. Scoring and costing build their
 * engines on it, the gateway checks what-if overrides and renders plans with it. Intake
 * excludes this configuration: its request validator loads the knowledge it checks
 * assumptions against itself.
 */
@AutoConfiguration
public class KnowledgeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	KnowledgeBase knowledgeBase() {
		return KnowledgeBase.load();
	}

}
