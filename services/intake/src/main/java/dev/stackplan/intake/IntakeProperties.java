package dev.stackplan.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake settings.
 *
 * @param idempotencyRetention how long an idempotency key is remembered (at least 24
 * hours)
 * @param idempotencyTakeover after how long an unfinished request under a key may be
 * retried (its first attempt died between storing the key and the broker's
 * acknowledgement)
 * @param internalToken the secret the gateway sends on every call; a call without it is a
 * 401 (a local default is in intake.yml; real deployments set
 * {@code STACKPLAN_INTERNAL_TOKEN})
 * @param backpressure when intake refuses new work because the pipeline is behind
 */
@ConfigurationProperties("stackplan.intake")
public record IntakeProperties(@DefaultValue("24h") Duration idempotencyRetention,
		@DefaultValue("30s") Duration idempotencyTakeover, String internalToken,
		@DefaultValue Backpressure backpressure) {

	public IntakeProperties {
		if (idempotencyRetention.compareTo(Duration.ofHours(24)) < 0) {
			throw new IllegalArgumentException(
					"Idempotency keys are kept at least 24 hours, not " + idempotencyRetention);
		}
		if (internalToken == null || internalToken.isBlank()) {
			throw new IllegalArgumentException(
					"stackplan.intake.internal-token (STACKPLAN_INTERNAL_TOKEN) must be set");
		}
	}

	/**
	 * Intake refuses new plans (503 with {@code Retry-After}) while any consumer group of
	 * the pipeline is more than {@code maxBacklog} requests behind the end of
	 * plan.requested, so that an accepted plan is one the pipeline will finish soon, not
	 * one that waits in a queue until it looks failed.
	 *
	 * @param maxBacklog requests the slowest group may be behind before new ones are
	 * refused
	 * @param checkInterval how often the backlog is looked at
	 * @param retryAfter what a refused client is told to wait
	 */
	public record Backpressure(@DefaultValue("20000") long maxBacklog, @DefaultValue("1s") Duration checkInterval,
			@DefaultValue("1s") Duration retryAfter) {

	}

}
