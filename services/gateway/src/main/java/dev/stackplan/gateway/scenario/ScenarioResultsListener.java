package dev.stackplan.gateway.scenario;

import dev.stackplan.contracts.event.ScenarioCostEstimated;
import dev.stackplan.contracts.event.ScenarioFrameworkScored;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.gateway.GatewayProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores scenario results apart from production plans, in a consumer group of its own.
 * Each half is stored once, so a redelivered result changes nothing.
 */
@Component
@KafkaListener(topics = { Topics.SCENARIO_SCORED, Topics.SCENARIO_ESTIMATED }, groupId = "gateway-scenarios",
		concurrency = "${stackplan.gateway.scenario-concurrency:3}")
class ScenarioResultsListener {

	private final ScenarioRepository scenarios;

	private final JsonMapper json;

	private final GatewayProperties properties;

	ScenarioResultsListener(ScenarioRepository scenarios, JsonMapper json, GatewayProperties properties) {
		this.scenarios = scenarios;
		this.json = json;
		this.properties = properties;
	}

	@KafkaHandler
	void on(ScenarioFrameworkScored result) {
		this.scenarios
			.recordHalf(result.scenarioId(), result.planId(), "stack", result.knowledgeVersion(),
					this.json.writeValueAsString(result.stack()))
			.block(this.properties.storeTimeout());
	}

	@KafkaHandler
	void on(ScenarioCostEstimated result) {
		this.scenarios
			.recordHalf(result.scenarioId(), result.planId(), "costs", result.knowledgeVersion(),
					this.json.writeValueAsString(result.byOption()))
			.block(this.properties.storeTimeout());
	}

}
