package dev.stackplan.intake;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Intake settings (defaults in application.yml).
 *
 * @param idempotencyRetention how long an idempotency key is remembered (at least 24
 * hours)
 * @param idempotencyTakeover after how long an unfinished request under a key may be
 * retried (its first attempt died between storing the key and the broker's
 * acknowledgement)
 * @param idempotencyCleanupInterval how often keys past their retention are deleted
 * @param inFlightRetryAfter the {@code Retry-After} of the 409 for a key whose first
 * request is still in flight
 * @param brokerRetryAfter the {@code Retry-After} of the 503 when the broker did not
 * acknowledge a plan
 * @param internalToken the secret the gateway sends on every call; a call without it is a
 * 401 (a local default is in application.yml; real deployments set
 * {@code STACKPLAN_INTERNAL_TOKEN})
 * @param backpressure when intake refuses new work because the pipeline is behind
 * @param warmUp how long a start waits for the producer to reach the broker
 */
@ConfigurationProperties("stackplan.intake")
@Validated
public record IntakeProperties(@NotNull Duration idempotencyRetention, @NotNull Duration idempotencyTakeover,
		@NotNull Duration idempotencyCleanupInterval, @NotNull Duration inFlightRetryAfter,
		@NotNull Duration brokerRetryAfter, String internalToken, @Valid @NotNull Backpressure backpressure,
		@Valid @NotNull WarmUp warmUp) {

	public IntakeProperties {
		if (idempotencyRetention == null || idempotencyRetention.compareTo(Duration.ofHours(24)) < 0) {
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
	public record Backpressure(@Positive long maxBacklog, @NotNull Duration checkInterval,
			@NotNull Duration retryAfter) {

	}

	/**
	 * Before intake takes calls its producer fetches the broker's metadata, so the first
	 * client does not wait for it.
	 *
	 * @param giveUpAfter a broker not there within this is not waited for: requests get
	 * 503s until it is
	 * @param pause the wait between two tries
	 */
	public record WarmUp(@NotNull Duration giveUpAfter, @NotNull Duration pause) {

	}

}
