package dev.stackplan.gateway.plan;

import java.time.Clock;

import dev.stackplan.gateway.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Plans still waiting for a half after the plan timeout become PARTIAL, so clients get
 * what exists and know what is missing. Idempotent, so every gateway instance may run it.
 */
@Component
class PlanDeadlineSweeper {

	private final PlanRepository plans;

	private final GatewayProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	PlanDeadlineSweeper(PlanRepository plans, GatewayProperties properties, Clock clock, MeterRegistry meters) {
		this.plans = plans;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${stackplan.gateway.deadline-check-interval:1s}")
	void markOverduePlansPartial() {
		Long partial = this.plans
			.markOverdueAsPartial(this.clock.instant().minus(this.properties.planTimeout()),
					"did not answer within " + this.properties.planTimeout().toSeconds() + " s")
			.block(this.properties.storeTimeout());
		if (partial != null && partial > 0) {
			this.meters.counter("stackplan.plans.assembled", "status", "PARTIAL").increment(partial);
		}
	}

}
