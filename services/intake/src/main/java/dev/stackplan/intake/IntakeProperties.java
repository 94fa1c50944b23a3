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
 */
@ConfigurationProperties("stackplan.intake")
public record IntakeProperties(@DefaultValue("24h") Duration idempotencyRetention,
		@DefaultValue("30s") Duration idempotencyTakeover) {

	public IntakeProperties {
		if (idempotencyRetention.compareTo(Duration.ofHours(24)) < 0) {
			throw new IllegalArgumentException(
					"Idempotency keys are kept at least 24 hours, not " + idempotencyRetention);
		}
	}

}
