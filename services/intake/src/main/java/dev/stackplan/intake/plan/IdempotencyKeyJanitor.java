package dev.stackplan.intake.plan;

import java.time.Clock;

import dev.stackplan.intake.IntakeProperties;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys once their retention is over; a key reused after that creates
 * a new plan.
 */
@Component
class IdempotencyKeyJanitor {

	private final IdempotencyKeys keys;

	private final IntakeProperties properties;

	private final Clock clock;

	IdempotencyKeyJanitor(IdempotencyKeys keys, IntakeProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${stackplan.intake.idempotency-cleanup-interval}")
	void forgetExpiredKeys() {
		this.keys.forgetOlderThan(this.clock.instant().minus(this.properties.idempotencyRetention())).block();
	}

}
