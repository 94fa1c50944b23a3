package dev.stackplan.kit;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What an {@code Idempotency-Key} may be, the same at the gateway (which must not forward
 * a value an HTTP client library refuses to send) and at intake (which stores it).
 */
public final class IdempotencyKeyFormat {

	/** The header. */
	public static final String HEADER = "Idempotency-Key";

	/** Why a key was refused, for a problem's {@code errors}. */
	public static final String RULE = "must be 1 to 255 visible ASCII characters, e.g. a UUID";

	private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,255}");

	private IdempotencyKeyFormat() {
	}

	public static boolean isValid(@Nullable String key) {
		return key != null && VISIBLE_ASCII.matcher(key).matches();
	}

}
