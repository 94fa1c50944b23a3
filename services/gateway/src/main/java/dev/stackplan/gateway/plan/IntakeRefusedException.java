package dev.stackplan.gateway.plan;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Intake refused a plan request (a 4xx, or a 503 under backpressure or while the broker
 * is away): its answer, to be passed on as it was, with the body's {@code instance} the
 * gateway's path.
 */
public class IntakeRefusedException extends RuntimeException {

	private final HttpStatusCode status;

	private final MediaType contentType;

	private final @Nullable String retryAfter;

	private final byte[] body;

	IntakeRefusedException(HttpStatusCode status, MediaType contentType, @Nullable String retryAfter, byte[] body) {
		super("Intake answered " + status.value());
		this.status = status;
		this.contentType = contentType;
		this.retryAfter = retryAfter;
		this.body = body;
	}

	public HttpStatusCode status() {
		return this.status;
	}

	public MediaType contentType() {
		return this.contentType;
	}

	public @Nullable String retryAfter() {
		return this.retryAfter;
	}

	public byte[] body() {
		return this.body;
	}

}
