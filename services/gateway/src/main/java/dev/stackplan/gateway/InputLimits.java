package dev.stackplan.gateway;

import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of public input that no schema states: the times a cursor or a scenario's range
 * may name. Outside them a time is a 400 naming its field, never a query the database or
 * the broker refuses (a 500) or an overflow that fails a scenario later.
 *
 * @param earliestInstant the earliest time: the log's record timestamps start at the
 * epoch (the broker refuses negative ones)
 * @param latestInstant the latest time: the last one ISO-8601 writes without a sign, far
 * inside what Postgres and the broker's millisecond timestamps hold
 */
@ConfigurationProperties("stackplan.gateway.input")
public record InputLimits(@DefaultValue("1970-01-01T00:00:00Z") Instant earliestInstant,
		@DefaultValue("9999-12-31T23:59:59.999999Z") Instant latestInstant) {

	public boolean admits(Instant instant) {
		return !instant.isBefore(this.earliestInstant) && !instant.isAfter(this.latestInstant);
	}

	/** The range, for a message: {@code from 1970-01-01T00:00:00Z to ...}. */
	public String range() {
		return "from " + this.earliestInstant + " to " + this.latestInstant;
	}

}
