package dev.stackplan.scoring.plan;

import java.time.Clock;

import dev.stackplan.contracts.event.FrameworkScored;
import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.kit.InvalidEventException;
import dev.stackplan.kit.PlanEventPublisher;
import dev.stackplan.scoring.engine.ScoringEngine;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Adapts the scoring engine to Kafka. The engine is a pure function of the request and
 * the knowledge version, so a redelivered request yields the same assessment; the gateway
 * keeps the first one it sees.
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

	@KafkaListener(topics = Topics.PLAN_REQUESTED, concurrency = "${stackplan.scoring.listener-concurrency:2}")
	void on(PlanRequested event) {
		StackAssessment stack;
		try {
			stack = this.engine.assess(event.request());
		}
		catch (RuntimeException ex) {
			throw new InvalidEventException("Cannot score plan " + event.planId() + ": " + ex.getMessage(), ex);
		}
		this.publisher.publishAndWait(PlanEvent.FRAMEWORK_SCORED, event.planId(),
				new FrameworkScored(event.planId(), this.knowledge.version(), this.clock.instant(), stack));
		this.meters.counter("stackplan.recommendations", "option", stack.recommendation()).increment();
	}

}
