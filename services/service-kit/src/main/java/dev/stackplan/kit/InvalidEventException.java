package dev.stackplan.kit;

/**
 * A record that can never be processed, however often it is retried: it goes straight to
 * the dead-letter topic with this message as the reason.
 */
public class InvalidEventException extends RuntimeException {

	public InvalidEventException(String reason) {
		super(reason);
	}

	public InvalidEventException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
