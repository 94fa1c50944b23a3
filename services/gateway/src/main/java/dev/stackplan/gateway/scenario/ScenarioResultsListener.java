package dev.stackplan.gateway.scenario;

import java.time.Duration;

import dev.stackplan.contracts.event.ScenarioCostEstimated;
import dev.stackplan.contracts.event.ScenarioFrameworkScored;
import dev.stackplan.contracts.topic.Topics;
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

	private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);

	private final ScenarioRepository scenarios;

	private final JsonMapper json;

	ScenarioResultsListener(ScenarioRepository scenarios, JsonMapper json) {
		this.scenarios = scenarios;
		this.json = json;
	}

	@KafkaHandler
	void on(ScenarioFrameworkScored result) {
		this.scenarios
			.recordHalf(result.scenarioId(), result.planId(), "stack", result.knowledgeVersion(),
					this.json.writeValueAsString(result.stack()))
			.block(STORE_TIMEOUT);
	}

	@KafkaHandler
	void on(ScenarioCostEstimated result) {
		this.scenarios
			.recordHalf(result.scenarioId(), result.planId(), "costs", result.knowledgeVersion(),
					this.json.writeValueAsString(result.byOption()))
			.block(STORE_TIMEOUT);
	}

}
