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
 */
@ConfigurationProperties("stackplan.intake")
public record IntakeProperties(@DefaultValue("24h") Duration idempotencyRetention,
		@DefaultValue("30s") Duration idempotencyTakeover, String internalToken) {

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

}
