package dev.stackplan.kit;

import java.time.Duration;

/**
 * A request needs a dependency that is away (its last check failed or a call to it ran
 * past its bound): answered at once with 503 and {@code Retry-After}, never by waiting.
 */
public class DependencyUnavailableException extends RuntimeException {

	private final Dependency dependency;

	private final Duration retryAfter;

	public DependencyUnavailableException(Dependency dependency, Duration retryAfter, Throwable cause) {
		super(dependency.description() + " is not available", cause);
		this.dependency = dependency;
		this.retryAfter = retryAfter;
	}

	public Dependency dependency() {
		return this.dependency;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
