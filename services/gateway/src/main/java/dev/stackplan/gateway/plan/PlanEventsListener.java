package dev.stackplan.gateway.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.stackplan.contracts.event.CostEstimated;
import dev.stackplan.contracts.event.CostEstimatedV1;
import dev.stackplan.contracts.event.FrameworkScored;
import dev.stackplan.contracts.event.FrameworkScoredV1;
import dev.stackplan.contracts.event.PlanAssembled;
import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.gateway.Half;
import dev.stackplan.gateway.plan.PlanRepository.StoredHalf;
import dev.stackplan.kit.BatchSends;
import dev.stackplan.kit.PlanEventPublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Joins the parts of each plan into the read model, a batch at a time. One listener reads
 * all three topics: they are co-partitioned by planId and the range assignor hands one
 * consumer the same partition of each, so no two consumers write the same plan. A batch
 * is stored with one statement per kind of part (requests, then stacks, then costs), the
 * plans it completed are published as plan.assembled without waiting for each, and the
 * offsets are committed only after the store and the broker acknowledged; a crash replays
 * the batch and the upserts make the replay change nothing.
 */
@Component
class PlanEventsListener {

	private final PlanRepository plans;

	private final PlanEventPublisher publisher;

	private final PlanAssembler assembler;

	private final JsonMapper json;

	private final GatewayProperties properties;

	private final Clock clock;

	private final PlanMetrics metrics;

	PlanEventsListener(PlanRepository plans, PlanEventPublisher publisher, PlanAssembler assembler, JsonMapper json,
			GatewayProperties properties, Clock clock, PlanMetrics metrics) {
		this.plans = plans;
		this.publisher = publisher;
		this.assembler = assembler;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
	}

	@KafkaListener(topics = { Topics.PLAN_REQUESTED, Topics.FRAMEWORK_SCORED, Topics.COST_ESTIMATED },
			groupId = ConsumerGroups.GATEWAY, batch = "true", concurrency = "${stackplan.gateway.listener-concurrency}")
	void on(List<ConsumerRecord<String, Object>> records) {
		BatchSends assembled = this.publisher.batch(records);
		Parts parts = new Parts();
		for (int i = 0; i < records.size(); i++) {
			try {
				parts.add(assembled.value(i, Object.class), i);
			}
			catch (BatchListenerFailedException ex) {
				// store what came before the bad record, then let the error handler
				// dead-letter it
				store(parts, assembled);
				throw ex;
			}
		}
		store(parts, assembled);
	}

	private void store(Parts parts, BatchSends assembled) {
		Duration timeout = this.properties.storeTimeout();
		this.plans.recordRequested(List.copyOf(parts.requested.values())).block(timeout);
		this.plans.recordHalves(Half.STACK, List.copyOf(parts.scored.values())).block(timeout);
		this.plans.recordHalves(Half.COSTS, List.copyOf(parts.estimated.values())).block(timeout);
		publishAssembled(parts, assembled);
	}

	/**
	 * Also finishes the job of an earlier delivery that stored a plan but died before
	 * publishing.
	 */
	private void publishAssembled(Parts parts, BatchSends assembled) {
		if (parts.halves.isEmpty()) {
			return;
		}
		Duration timeout = this.properties.storeTimeout();
		List<PlanRow> complete = this.plans.findUnpublished(parts.halves.keySet()).collectList().block(timeout);
		if (complete == null || complete.isEmpty()) {
			return;
		}
		// in record order, so an unacknowledged plan is reported at its first record
		complete.sort(Comparator.comparing((PlanRow row) -> parts.halves.get(row.planId())));
		Instant now = this.clock.instant();
		List<PlanAssembled> events = new ArrayList<>(complete.size());
		for (PlanRow row : complete) {
			PlanAssembled event = this.assembler.assembled(row, now);
			assembled.send(parts.halves.get(row.planId()), PlanEvent.PLAN_ASSEMBLED, row.planId(), event);
			events.add(event);
		}
		assembled.awaitAcknowledgements();
		this.plans.markAssembledPublished(complete.stream().map(PlanRow::planId).toList(), now).block(timeout);
		for (int i = 0; i < events.size(); i++) {
			PlanAssembled event = events.get(i);
			this.metrics.changed(PlanMetrics.before(complete.get(i)), event.status(), event.requestedAt(),
					event.assembledAt());
		}
	}

	/**
	 * The parts of one batch by kind, at most one of each kind per plan (a redelivered
	 * duplicate in the same batch would make one statement write a row twice).
	 */
	private final class Parts {

		private final Map<UUID, StoredHalf> requested = new LinkedHashMap<>();

		private final Map<UUID, StoredHalf> scored = new LinkedHashMap<>();

		private final Map<UUID, StoredHalf> estimated = new LinkedHashMap<>();

		/**
		 * The plans that got a half, with the index of the last record that brought one.
		 */
		private final Map<UUID, Integer> halves = new LinkedHashMap<>();

		void add(Object event, int index) {
			if (event instanceof PlanRequested requested) {
				this.requested.putIfAbsent(requested.planId(), new StoredHalf(requested.planId(), requested.clientId(),
						requested.requestedAt(), json(requested.request())));
			}
			else if (event instanceof FrameworkScored scored) {
				half(this.scored, scored.planId(), scored.knowledgeVersion(), scored.scoredAt(), scored.stack(), index);
			}
			else if (event instanceof CostEstimated estimated) {
				half(this.estimated, estimated.planId(), estimated.knowledgeVersion(), estimated.estimatedAt(),
						estimated.byOption(), index);
			}
			else if (event instanceof FrameworkScoredV1 scored) {
				half(this.scored, scored.planId(), scored.knowledgeVersion(), scored.scoredAt(), scored.stack(), index);
			}
			else if (event instanceof CostEstimatedV1 estimated) {
				half(this.estimated, estimated.planId(), estimated.knowledgeVersion(), estimated.estimatedAt(),
						estimated.byOption(), index);
			}
		}

		private void half(Map<UUID, StoredHalf> kind, UUID planId, String knowledgeVersion, Instant at, Object half,
				int index) {
			kind.putIfAbsent(planId, new StoredHalf(planId, knowledgeVersion, at, json(half)));
			this.halves.put(planId, index);
		}

		private String json(Object value) {
			return PlanEventsListener.this.json.writeValueAsString(value);
		}

	}

}
