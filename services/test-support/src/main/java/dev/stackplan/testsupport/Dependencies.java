package dev.stackplan.testsupport;

import java.time.Duration;
import java.util.Map;

import dev.stackplan.kit.DependencyProperties;
import dev.stackplan.kit.DependencyWatch;

/** For slice tests, which start no broker or database to watch. */
public final class Dependencies {

	private static final DependencyProperties SETTINGS = new DependencyProperties(Duration.ofMillis(500),
			Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2));

	private Dependencies() {
	}

	/**
	 * A watch of nothing: every dependency counts as available, and request-path calls
	 * keep their usual bound.
	 */
	public static DependencyWatch allAvailable() {
		return new DependencyWatch(Map.of(), SETTINGS);
	}

}
