package dev.stackplan.gateway;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of public input beyond what the body's shape says (defaults in application.yml):
 * the times a cursor or a scenario's range may name, and how many plans a scenario may
 * list. Outside them an input is a 400 naming its field, never a query the database or
 * the broker refuses (a 500) or an overflow that fails a scenario later.
 *
 * @param earliestInstant the earliest time: the log's record timestamps start at the
 * epoch (the broker refuses negative ones)
 * @param latestInstant the latest time: the last one ISO-8601 writes without a sign, far
 * inside what Postgres and the broker's millisecond timestamps hold
 * @param maxPlanIds the most plan ids a scenario's {@code source.planIds} may list (the
 * {@code maxItems} of plan-api.yaml)
 */
@ConfigurationProperties("stackplan.gateway.input")
@Validated
public record InputLimits(@NotNull Instant earliestInstant, @NotNull Instant latestInstant, @Positive int maxPlanIds) {

	public boolean admits(Instant instant) {
		return !instant.isBefore(this.earliestInstant) && !instant.isAfter(this.latestInstant);
	}

	/** The range, for a message: {@code from 1970-01-01T00:00:00Z to ...}. */
	public String range() {
		return "from " + this.earliestInstant + " to " + this.latestInstant;
	}

}
