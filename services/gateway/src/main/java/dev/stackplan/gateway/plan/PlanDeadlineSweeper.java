package dev.stackplan.gateway.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.stackplan.contracts.event.PlanStatus;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.gateway.Half;
import dev.stackplan.kit.ConsumerGroupProbe;
import dev.stackplan.kit.ConsumerGroupProbe.GroupState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Plans still waiting for a half after the plan timeout become PARTIAL, so clients get
 * what exists and know what is missing, but only while the service that owes the half is
 * really down (its consumer group has no member): a plan that waits in a queue behind
 * others is late, not failed, and stays PENDING (intake's backpressure keeps that wait
 * short). When the broker cannot say, nothing is marked. Idempotent, so every gateway
 * instance may run it.
 */
@Component
class PlanDeadlineSweeper {

	private static final Log logger = LogFactory.getLog(PlanDeadlineSweeper.class);

	private final PlanRepository plans;

	private final ConsumerGroupProbe probe;

	private final GatewayProperties properties;

	private final Clock clock;

	private final PlanMetrics metrics;

	PlanDeadlineSweeper(PlanRepository plans, ConsumerGroupProbe probe, GatewayProperties properties, Clock clock,
			PlanMetrics metrics) {
		this.plans = plans;
		this.probe = probe;
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
	}

	@Scheduled(fixedDelayString = "${stackplan.gateway.deadline-check-interval}")
	void markOverduePlansPartial() {
		Map<String, GroupState> services;
		try {
			services = this.probe.probe(Arrays.stream(Half.values()).map(Half::service).toList(),
					Topics.PLAN_REQUESTED);
		}
		catch (ConsumerGroupProbe.ProbeFailedException ex) {
			logger.debug("Cannot tell which services run; no plan is marked PARTIAL", ex);
			return;
		}
		Instant deadline = this.clock.instant().minus(this.properties.planTimeout());
		for (Half half : Half.values()) {
			GroupState state = services.get(half.service());
			if (state != null && state.alive()) {
				continue;
			}
			List<Instant> partial = this.plans
				.markOverdueAsPartial(half, deadline,
						half.service() + " did not answer within " + this.properties.planTimeout().toSeconds()
								+ " s and is not running")
				.collectList()
				.block(this.properties.storeTimeout());
			if (partial != null) {
				Instant now = this.clock.instant();
				partial.forEach((requestedAt) -> this.metrics.changed(PlanStatus.PENDING, PlanStatus.PARTIAL,
						requestedAt, now));
			}
		}
	}

}
