package dev.stackplan.gateway.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.stackplan.contracts.event.CostEstimated;
import dev.stackplan.contracts.event.FrameworkScored;
import dev.stackplan.contracts.event.PlanAssembled;
import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.kit.PlanEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Joins the parts of each plan into the read model. One listener reads all three topics:
 * they are co-partitioned by planId and the range assignor hands one consumer the same
 * partition of each, so the halves of a plan are applied one after the other. The offset
 * is committed only after the store (and, for the completing half, the broker)
 * acknowledged, so a crash replays the event and the upserts make the replay change
 * nothing.
 */
@Component
@KafkaListener(topics = { Topics.PLAN_REQUESTED, Topics.FRAMEWORK_SCORED, Topics.COST_ESTIMATED },
		concurrency = "${stackplan.gateway.listener-concurrency:3}")
class PlanEventsListener {

	private final PlanRepository plans;

	private final PlanEventPublisher publisher;

	private final PlanAssembler assembler;

	private final JsonMapper json;

	private final GatewayProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Timer latency;

	PlanEventsListener(PlanRepository plans, PlanEventPublisher publisher, JsonMapper json,
			GatewayProperties properties, Clock clock, MeterRegistry meters) {
		this.plans = plans;
		this.publisher = publisher;
		this.assembler = new PlanAssembler(json);
		this.json = json;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.latency = Timer.builder("stackplan.plan.latency")
			.description("From intake accepting a request to its plan being assembled")
			.serviceLevelObjectives(properties.latencySlo().toArray(Duration[]::new))
			.register(meters);
	}

	@KafkaHandler
	void on(PlanRequested event) {
		this.plans
			.recordRequested(event.planId(), event.clientId(), event.requestedAt(),
					this.json.writeValueAsString(event.request()))
			.block(this.properties.storeTimeout());
	}

	@KafkaHandler
	void on(FrameworkScored event) {
		this.plans
			.recordScored(event.planId(), event.knowledgeVersion(), event.scoredAt(),
					this.json.writeValueAsString(event.stack()))
			.block(this.properties.storeTimeout());
		publishIfAssembled(event.planId());
	}

	@KafkaHandler
	void on(CostEstimated event) {
		this.plans
			.recordEstimated(event.planId(), event.knowledgeVersion(), event.estimatedAt(),
					this.json.writeValueAsString(event.byOption()))
			.block(this.properties.storeTimeout());
		publishIfAssembled(event.planId());
	}

	/**
	 * Also finishes the job of an earlier delivery that stored the plan but died before
	 * publishing.
	 */
	private void publishIfAssembled(UUID planId) {
		PlanRow row = this.plans.findById(planId).block(this.properties.storeTimeout());
		if (row == null || !row.complete() || row.assembledPublished()) {
			return;
		}
		Instant now = this.clock.instant();
		PlanAssembled assembled = this.assembler.assembled(row, now);
		this.publisher.publishAndWait(PlanEvent.PLAN_ASSEMBLED, planId, assembled);
		this.plans.markAssembledPublished(planId, now).block(this.properties.storeTimeout());
		this.meters.counter("stackplan.plans.assembled", "status", assembled.status()).increment();
		this.latency.record(Duration.between(assembled.requestedAt(), assembled.assembledAt()));
	}

}
