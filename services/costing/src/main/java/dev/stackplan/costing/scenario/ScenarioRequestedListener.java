package dev.stackplan.costing.scenario;

import java.util.List;

import dev.stackplan.contracts.event.OptionCost;
import dev.stackplan.contracts.event.ScenarioCostEstimated;
import dev.stackplan.contracts.event.ScenarioPlanRequested;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.knowledge.OverriddenEngines;
import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.costing.CostingProperties;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.costing.plan.StackOptions;
import dev.stackplan.kit.BatchSends;
import dev.stackplan.kit.PlanEventPublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Costs replayed requests under their scenario's overrides. A consumer group and topics
 * of its own keep scenario work away from production offsets, results and metrics; the
 * production engine is never touched.
 */
@Component
class ScenarioRequestedListener {

	private final PlanEventPublisher publisher;

	private final StackOptions options;

	/** The engines of the latest scenarios. */
	private final OverriddenEngines<CostEngine> scenarios;

	ScenarioRequestedListener(KnowledgeBase knowledge, PlanEventPublisher publisher, StackOptions options,
			CostingProperties properties) {
		this.publisher = publisher;
		this.options = options;
		this.scenarios = new OverriddenEngines<>(knowledge, CostEngine::fromKnowledge, properties.cachedScenarios());
	}

	@KafkaListener(topics = Topics.SCENARIO_REQUESTED, groupId = ConsumerGroups.COSTING_SCENARIOS, batch = "true",
			concurrency = "${stackplan.costing.scenario-concurrency}")
	void on(List<ConsumerRecord<String, Object>> records) {
		BatchSends answers = this.publisher.batch(records);
		answers.answerEach(ScenarioPlanRequested.class, (i, event) -> {
			OverriddenEngines.Built<CostEngine> scenario = this.scenarios.forOverrides(event.overrides());
			CostEngine engine = answers.engine(i, scenario);
			List<OptionCost> costs = answers.decide(i, "Cannot cost plan " + event.planId() + " under the scenario",
					() -> engine.decide(event.request(), this.options.ids()));
			answers.send(i, PlanEvent.SCENARIO_ESTIMATED, event.planId(),
					new ScenarioCostEstimated(event.scenarioId(), event.planId(), scenario.knowledgeVersion(), costs));
		});
	}

}
