package dev.stackplan.gateway.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.stackplan.gateway.InvalidParameterException;

/**
 * A position in an analyst's scenario list, newest first: opaque to clients, stable under
 * inserts (the same form as a plan list's cursor).
 *
 * @param createdAt when the last scenario seen was created
 * @param scenarioId the last scenario seen, breaking ties
 */
record ScenarioCursor(Instant createdAt, UUID scenarioId) {

	String encode() {
		String raw = this.createdAt.getEpochSecond() + "." + this.createdAt.getNano() + "." + this.scenarioId;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	static ScenarioCursor decode(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", 3);
			return new ScenarioCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
					UUID.fromString(parts[2]));
		}
		catch (RuntimeException ex) {
			throw new InvalidParameterException("cursor", "is not a cursor this API returned");
		}
	}

}
