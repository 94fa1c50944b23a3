package dev.stackplan.costing.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import dev.stackplan.contracts.event.CostEstimated;
import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.kit.InvalidEventException;
import dev.stackplan.kit.PlanEventPublisher;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Adapts the cost engine to Kafka. The engine is a pure function of the request and the
 * knowledge version, so a redelivered request yields the same estimate; the gateway keeps
 * the first one it sees.
 */
@Component
class PlanRequestedListener {

	private final CostEngine engine;

	private final StackOptions options;

	private final KnowledgeBase knowledge;

	private final PlanEventPublisher publisher;

	private final Clock clock;

	private final MeterRegistry meters;

	PlanRequestedListener(CostEngine engine, StackOptions options, KnowledgeBase knowledge,
			PlanEventPublisher publisher, Clock clock, MeterRegistry meters) {
		this.engine = engine;
		this.options = options;
		this.knowledge = knowledge;
		this.publisher = publisher;
		this.clock = clock;
		this.meters = meters;
	}

	@KafkaListener(topics = Topics.PLAN_REQUESTED, concurrency = "${stackplan.costing.listener-concurrency:2}")
	void on(PlanRequested event) {
		List<StaffingEstimate> estimates;
		try {
			estimates = this.engine.estimate(event.request(), this.options.ids());
		}
		catch (RuntimeException ex) {
			throw new InvalidEventException("Cannot cost plan " + event.planId() + ": " + ex.getMessage(), ex);
		}
		this.publisher.publishAndWait(PlanEvent.COST_ESTIMATED, event.planId(),
				new CostEstimated(event.planId(), this.knowledge.version(), this.clock.instant(), estimates));
		for (StaffingEstimate estimate : estimates) {
			record(estimate.option(), "on_demand", estimate.onDemand().totalUsd());
			record(estimate.option(), "full_time_low", estimate.fullTime().totalUsd().low());
			record(estimate.option(), "full_time_high", estimate.fullTime().totalUsd().high());
		}
	}

	private void record(String option, String model, BigDecimal amountUsd) {
		DistributionSummary.builder("stackplan.cost.estimate")
			.baseUnit("usd")
			.description("Total engineer cost of a plan's staffing estimate")
			.tags("option", option, "model", model)
			.serviceLevelObjectives(10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000)
			.register(this.meters)
			.record(amountUsd.doubleValue());
	}

}
