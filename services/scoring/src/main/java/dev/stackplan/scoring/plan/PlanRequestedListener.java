package dev.stackplan.scoring.plan;

import java.time.Clock;
import java.util.List;

import dev.stackplan.contracts.event.FrameworkScored;
import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.event.StackDecision;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.kit.BatchSends;
import dev.stackplan.kit.PlanEventPublisher;
import dev.stackplan.scoring.engine.ScoringEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Adapts the scoring engine to Kafka, a batch at a time: every request of a poll is
 * scored and its answer sent, then the batch waits once for the broker's acknowledgements
 * before its offsets are committed. The engine is a pure function of the request and the
 * knowledge version, so a redelivered request yields the same decision; the gateway keeps
 * the first one it sees.
 */
@Component
class PlanRequestedListener {

	private final ScoringEngine engine;

	private final KnowledgeBase knowledge;

	private final PlanEventPublisher publisher;

	private final Clock clock;

	private final MeterRegistry meters;

	PlanRequestedListener(ScoringEngine engine, KnowledgeBase knowledge, PlanEventPublisher publisher, Clock clock,
			MeterRegistry meters) {
		this.engine = engine;
		this.knowledge = knowledge;
		this.publisher = publisher;
		this.clock = clock;
		this.meters = meters;
	}

	@KafkaListener(topics = Topics.PLAN_REQUESTED, groupId = ConsumerGroups.SCORING, batch = "true",
			concurrency = "${stackplan.scoring.listener-concurrency}")
	void on(List<ConsumerRecord<String, Object>> records) {
		BatchSends answers = this.publisher.batch(records);
		answers.answerEach(PlanRequested.class, (i, event) -> {
			StackDecision stack = answers.decide(i, "Cannot score plan " + event.planId(),
					() -> this.engine.decide(event.request()));
			answers.send(i, PlanEvent.FRAMEWORK_SCORED, event.planId(),
					new FrameworkScored(event.planId(), this.knowledge.version(), this.clock.instant(), stack));
			Counter.builder("stackplan.recommendations")
				.description("Plans scored, by the framework option recommended")
				.tag("option", stack.recommendation())
				.register(this.meters)
				.increment();
		});
	}

}
