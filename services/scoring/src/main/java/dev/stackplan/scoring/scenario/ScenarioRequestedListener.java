package dev.stackplan.scoring.scenario;

import java.util.List;

import dev.stackplan.contracts.event.ScenarioFrameworkScored;
import dev.stackplan.contracts.event.ScenarioPlanRequested;
import dev.stackplan.contracts.event.StackDecision;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.knowledge.OverriddenEngines;
import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.kit.BatchSends;
import dev.stackplan.kit.PlanEventPublisher;
import dev.stackplan.scoring.ScoringProperties;
import dev.stackplan.scoring.engine.ScoringEngine;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Scores replayed requests under their scenario's overrides. A consumer group and topics
 * of its own keep scenario work away from production offsets, results and metrics; the
 * production engine is never touched.
 */
@Component
class ScenarioRequestedListener {

	private final PlanEventPublisher publisher;

	/** The engines of the latest scenarios. */
	private final OverriddenEngines<ScoringEngine> scenarios;

	ScenarioRequestedListener(KnowledgeBase knowledge, PlanEventPublisher publisher, ScoringProperties properties) {
		this.publisher = publisher;
		this.scenarios = new OverriddenEngines<>(knowledge, ScoringEngine::fromKnowledge, properties.cachedScenarios());
	}

	@KafkaListener(topics = Topics.SCENARIO_REQUESTED, groupId = ConsumerGroups.SCORING_SCENARIOS, batch = "true",
			concurrency = "${stackplan.scoring.scenario-concurrency}")
	void on(List<ConsumerRecord<String, Object>> records) {
		BatchSends answers = this.publisher.batch(records);
		answers.answerEach(ScenarioPlanRequested.class, (i, event) -> {
			OverriddenEngines.Built<ScoringEngine> scenario = this.scenarios.forOverrides(event.overrides());
			ScoringEngine engine = answers.engine(i, scenario);
			StackDecision stack = answers.decide(i, "Cannot score plan " + event.planId() + " under the scenario",
					() -> engine.decide(event.request()));
			answers.send(i, PlanEvent.SCENARIO_SCORED, event.planId(), new ScenarioFrameworkScored(event.scenarioId(),
					event.planId(), scenario.knowledgeVersion(), stack));
		});
	}

}
