package dev.stackplan.gateway.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.stackplan.gateway.InputLimits;
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

	/**
	 * The position a cursor of {@link #encode()} names. Anything else, a crafted time out
	 * of range included, is a 400 naming {@code cursor}: it never reaches a query.
	 */
	static ScenarioCursor decode(String cursor, InputLimits limits) {
		ScenarioCursor decoded;
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", 3);
			decoded = new ScenarioCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
					UUID.fromString(parts[2]));
		}
		catch (RuntimeException ex) {
			throw notACursor();
		}
		// only the form this API writes: a time in range, nanoseconds below a second
		if (!limits.admits(decoded.createdAt()) || !decoded.encode().equals(cursor)) {
			throw notACursor();
		}
		return decoded;
	}

	private static InvalidParameterException notACursor() {
		return new InvalidParameterException("cursor", "is not a cursor this API returned");
	}

}
