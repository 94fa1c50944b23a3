package dev.stackplan.costing.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.stackplan.contracts.event.CostEstimated;
import dev.stackplan.contracts.event.OptionCost;
import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.costing.CostingProperties;
import dev.stackplan.costing.engine.AssumptionEngines;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.kit.BatchSends;
import dev.stackplan.kit.PlanEventPublisher;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Adapts the cost engine to Kafka, a batch at a time: every request of a poll is costed
 * and its answer sent, then the batch waits once for the broker's acknowledgements before
 * its offsets are committed. The engine is a pure function of the request and the
 * knowledge version, so a redelivered request yields the same estimate; the gateway keeps
 * the first one it sees. A request with assumptions of its own is costed by an engine on
 * the knowledge with them applied; its estimate names the documented knowledge version,
 * since the request carries the rest.
 */
@Component
class PlanRequestedListener {

	private final AssumptionEngines engines;

	private final StackOptions options;

	private final KnowledgeBase knowledge;

	private final PlanEventPublisher publisher;

	private final Clock clock;

	private final MeterRegistry meters;

	private final double[] estimateSlo;

	private final Map<String, DistributionSummary> estimates = new ConcurrentHashMap<>();

	PlanRequestedListener(CostEngine engine, StackOptions options, KnowledgeBase knowledge,
			PlanEventPublisher publisher, Clock clock, MeterRegistry meters, CostingProperties properties) {
		this.engines = new AssumptionEngines(knowledge, engine, properties.cachedAssumptions());
		this.options = options;
		this.knowledge = knowledge;
		this.publisher = publisher;
		this.clock = clock;
		this.meters = meters;
		this.estimateSlo = properties.estimateSlo().stream().mapToDouble(Double::doubleValue).toArray();
	}

	@KafkaListener(topics = Topics.PLAN_REQUESTED, groupId = ConsumerGroups.COSTING, batch = "true",
			concurrency = "${stackplan.costing.listener-concurrency}")
	void on(List<ConsumerRecord<String, Object>> records) {
		BatchSends answers = this.publisher.batch(records);
		answers.answerEach(PlanRequested.class, (i, event) -> {
			List<OptionCost> costs = answers.decide(i, "Cannot cost plan " + event.planId(),
					() -> this.engines.forRequest(event.request()).decide(event.request(), this.options.ids()));
			answers.send(i, PlanEvent.COST_ESTIMATED, event.planId(),
					new CostEstimated(event.planId(), this.knowledge.version(), this.clock.instant(), costs));
			for (OptionCost cost : costs) {
				record(cost.option(), "on_demand", cost.onDemandUsd());
				record(cost.option(), "full_time_low", cost.fullTimeUsd().low());
				record(cost.option(), "full_time_high", cost.fullTimeUsd().high());
			}
		});
	}

	private void record(String option, String model, BigDecimal amountUsd) {
		// looked up once per option and model: a builder per record costs more than the
		// record itself
		this.estimates
			.computeIfAbsent(option + "/" + model,
					(key) -> DistributionSummary.builder("stackplan.cost.estimate")
						.baseUnit("usd")
						.description("Total engineer cost of a plan's staffing estimate")
						.tags("option", option, "model", model)
						.serviceLevelObjectives(this.estimateSlo)
						.register(this.meters))
			.record(amountUsd.doubleValue());
	}

}
