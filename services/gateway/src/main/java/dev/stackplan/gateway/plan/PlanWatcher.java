package dev.stackplan.gateway.plan;

import java.time.Duration;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Follows one plan: subscribes to status changes first and reads the stored plan second,
 * so no change can fall between the two.
 */
@Component
class PlanWatcher {

	private final PlanRepository plans;

	private final PlanStatusNotifications notifications;

	PlanWatcher(PlanRepository plans, PlanStatusNotifications notifications) {
		this.plans = plans;
		this.notifications = notifications;
	}

	/**
	 * The plan as stored now and after every status change, distinct by status, until it
	 * is final.
	 */
	Flux<PlanRow> follow(UUID planId, Duration atMost) {
		Flux<Object> changes = this.notifications.changes()
			.filter((change) -> change.planId().equals(planId))
			.cast(Object.class);
		return Flux.merge(changes, Mono.just(planId))
			.concatMap((trigger) -> this.plans.findById(planId))
			.distinctUntilChanged(PlanRow::status)
			.takeUntil((row) -> row.status().isFinal())
			.take(atMost);
	}

	/** The plan once it is final, or empty if it is not within the time given. */
	Mono<PlanRow> awaitFinal(UUID planId, Duration atMost) {
		return follow(planId, atMost).filter((row) -> row.status().isFinal()).next();
	}

}
