package dev.stackplan.gateway.plan;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.stackplan.gateway.InvalidParameterException;

/**
 * A position in a client's plan list, newest first: opaque to clients, stable under
 * inserts.
 *
 * @param requestedAt when the last plan seen was requested
 * @param planId the last plan seen, breaking ties
 */
record PlanCursor(Instant requestedAt, UUID planId) {

	String encode() {
		String raw = this.requestedAt.getEpochSecond() + "." + this.requestedAt.getNano() + "." + this.planId;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	static PlanCursor decode(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", 3);
			return new PlanCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
					UUID.fromString(parts[2]));
		}
		catch (RuntimeException ex) {
			throw new InvalidParameterException("cursor", "is not a cursor this API returned");
		}
	}

}
