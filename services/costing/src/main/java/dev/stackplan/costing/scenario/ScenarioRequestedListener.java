package dev.stackplan.costing.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.stackplan.contracts.event.ScenarioCostEstimated;
import dev.stackplan.contracts.event.ScenarioPlanRequested;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.kit.InvalidEventException;
import dev.stackplan.kit.PlanEventPublisher;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.costing.plan.StackOptions;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Costs replayed requests under their scenario's overrides. A consumer group and topics
 * of its own keep scenario work away from production offsets, results and metrics; the
 * production engine is never touched.
 */
@Component
class ScenarioRequestedListener {

	/** Scenarios running at once that keep their engine built. */
	private static final int CACHED_SCENARIOS = 16;

	private final KnowledgeBase knowledge;

	private final PlanEventPublisher publisher;

	private final StackOptions options;

	private final Map<String, Scenario> scenarios = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Scenario> eldest) {
			return size() > CACHED_SCENARIOS;
		}

	};

	ScenarioRequestedListener(KnowledgeBase knowledge, PlanEventPublisher publisher, StackOptions options) {
		this.knowledge = knowledge;
		this.publisher = publisher;
		this.options = options;
	}

	private record Scenario(CostEngine engine, String knowledgeVersion) {

	}

	@KafkaListener(topics = Topics.SCENARIO_REQUESTED, groupId = "costing-scenarios",
			concurrency = "${stackplan.costing.scenario-concurrency:2}")
	void on(ScenarioPlanRequested event) {
		Scenario scenario = scenario(event.overrides());
		this.publisher.publishAndWait(PlanEvent.SCENARIO_ESTIMATED, event.planId(),
				new ScenarioCostEstimated(event.scenarioId(), event.planId(), scenario.knowledgeVersion(),
						scenario.engine().estimate(event.request(), this.options.ids())));
	}

	private Scenario scenario(JsonNode overrides) {
		synchronized (this.scenarios) {
			return this.scenarios.computeIfAbsent(overrides.toString(), (key) -> {
				try {
					KnowledgeBase overridden = this.knowledge.withOverrides(overrides);
					return new Scenario(CostEngine.fromKnowledge(overridden), overridden.version());
				}
				catch (RuntimeException ex) {
					throw new InvalidEventException(
							"The scenario's overrides do not make a valid knowledge base: " + ex.getMessage(), ex);
				}
			});
		}
	}

}
