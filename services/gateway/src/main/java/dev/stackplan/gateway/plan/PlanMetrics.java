package dev.stackplan.gateway.plan;

import java.time.Duration;
import java.time.Instant;

import dev.stackplan.contracts.event.PlanStatus;
import dev.stackplan.gateway.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What the gateway counts of plans reaching a final state (COMPLETE, PARTIAL, FAILED), in
 * one place so that every path (halves arriving, the deadline sweeper, dead letters)
 * counts the same way:
 * <ul>
 * <li>{@value #ASSEMBLED}{@code {status}} counts each plan once, at its first final
 * state: its sum over {@code status} is the number of plans that got one.</li>
 * <li>{@value #CHANGED}{@code {from,to}} counts a later change of a final state (a
 * PARTIAL plan whose late half arrives is {@code from=PARTIAL,to=COMPLETE}), so a plan
 * that turns PARTIAL and then COMPLETE is one assembled plan and one change.</li>
 * <li>{@value #LATENCY}{@code {status}} records, for every final state a plan reaches,
 * the time from its request to that state; {@code status="COMPLETE"} is the
 * request-to-complete-plan latency the SLO is about, whether or not the plan was PARTIAL
 * first.</li>
 * </ul>
 */
@Component
class PlanMetrics {

	static final String ASSEMBLED = "stackplan.plans.assembled";

	static final String CHANGED = "stackplan.plans.final.changes";

	static final String LATENCY = "stackplan.plan.latency";

	private final MeterRegistry meters;

	private final Duration[] latencySlo;

	PlanMetrics(MeterRegistry meters, GatewayProperties properties) {
		this.meters = meters;
		this.latencySlo = properties.latencySlo().toArray(Duration[]::new);
	}

	/**
	 * A plan's status changed.
	 * @param was its status before; null or PENDING when it had no final state yet
	 * @param now its status after
	 * @param requestedAt when it was requested; null when its request is not stored yet
	 * @param at when the change happened
	 */
	void changed(@Nullable PlanStatus was, PlanStatus now, @Nullable Instant requestedAt, Instant at) {
		if (!now.isSettled() || now == was) {
			return;
		}
		if (was == null || !was.isSettled()) {
			Counter.builder(ASSEMBLED)
				.description("Plans that reached a final state, each once, tagged with the first final state")
				.tag("status", now.name())
				.register(this.meters)
				.increment();
		}
		else {
			Counter.builder(CHANGED)
				.description("Later changes of a plan's final state, such as a PARTIAL plan completed by a late half")
				.tag("from", was.name())
				.tag("to", now.name())
				.register(this.meters)
				.increment();
		}
		if (requestedAt != null) {
			Timer.builder(LATENCY)
				.description("From intake accepting a request to its plan reaching this final state")
				.tag("status", now.name())
				.serviceLevelObjectives(this.latencySlo)
				.register(this.meters)
				.record(Duration.between(requestedAt, at));
		}
	}

	/** The final state a COMPLETE plan had before, told by the problems it recorded. */
	static PlanStatus before(PlanRow complete) {
		boolean stackMissed = complete.stackProblem() != null;
		boolean costsMissed = complete.costsProblem() != null;
		if (stackMissed && costsMissed) {
			return PlanStatus.FAILED;
		}
		return (stackMissed || costsMissed) ? PlanStatus.PARTIAL : PlanStatus.PENDING;
	}

}
