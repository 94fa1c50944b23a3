package dev.stackplan.costing;

import java.util.List;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.costing.plan.StackOptions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CostingConfiguration {

	/**
	 * Built once at start-up: a knowledge base that does not parse stops the service
	 * before it consumes.
	 */
	@Bean
	CostEngine costEngine(KnowledgeBase knowledge) {
		return CostEngine.fromKnowledge(knowledge);
	}

	/**
	 * Costing runs in parallel with scoring, so it costs every option the framework pack
	 * offers.
	 */
	@Bean
	StackOptions stackOptions(KnowledgeBase knowledge) {
		return new StackOptions(List.copyOf(knowledge.document("frameworks").required("options").propertyNames()));
	}

}
