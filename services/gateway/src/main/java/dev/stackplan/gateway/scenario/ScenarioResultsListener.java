package dev.stackplan.gateway.scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stackplan.contracts.event.ScenarioCostEstimated;
import dev.stackplan.contracts.event.ScenarioFrameworkScored;
import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.gateway.Half;
import dev.stackplan.gateway.scenario.ScenarioRepository.ResultHalf;
import dev.stackplan.kit.BatchSends;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Stores scenario results apart from production plans, in a consumer group of its own, a
 * batch at a time: one statement per half. Each half is stored once, so a redelivered
 * result changes nothing.
 */
@Component
class ScenarioResultsListener {

	private final ScenarioRepository scenarios;

	private final JsonMapper json;

	private final GatewayProperties properties;

	ScenarioResultsListener(ScenarioRepository scenarios, JsonMapper json, GatewayProperties properties) {
		this.scenarios = scenarios;
		this.json = json;
		this.properties = properties;
	}

	@KafkaListener(topics = { Topics.SCENARIO_SCORED, Topics.SCENARIO_ESTIMATED },
			groupId = ConsumerGroups.GATEWAY_SCENARIOS, batch = "true",
			concurrency = "${stackplan.gateway.scenario-concurrency}")
	void on(List<ConsumerRecord<String, Object>> records) {
		Map<String, ResultHalf> stacks = new LinkedHashMap<>();
		Map<String, ResultHalf> costs = new LinkedHashMap<>();
		for (int i = 0; i < records.size(); i++) {
			Object result;
			try {
				result = BatchSends.valueOf(records, i, Object.class);
			}
			catch (BatchListenerFailedException ex) {
				store(stacks, costs);
				throw ex;
			}
			if (result instanceof ScenarioFrameworkScored scored) {
				stacks.putIfAbsent(scored.scenarioId() + "/" + scored.planId(), new ResultHalf(scored.scenarioId(),
						scored.planId(), scored.knowledgeVersion(), this.json.writeValueAsString(scored.stack())));
			}
			else if (result instanceof ScenarioCostEstimated estimated) {
				costs.putIfAbsent(estimated.scenarioId() + "/" + estimated.planId(),
						new ResultHalf(estimated.scenarioId(), estimated.planId(), estimated.knowledgeVersion(),
								this.json.writeValueAsString(estimated.byOption())));
			}
		}
		store(stacks, costs);
	}

	private void store(Map<String, ResultHalf> stacks, Map<String, ResultHalf> costs) {
		Duration timeout = this.properties.storeTimeout();
		this.scenarios.recordHalves(Half.STACK, List.copyOf(stacks.values())).block(timeout);
		this.scenarios.recordHalves(Half.COSTS, List.copyOf(costs.values())).block(timeout);
	}

}
