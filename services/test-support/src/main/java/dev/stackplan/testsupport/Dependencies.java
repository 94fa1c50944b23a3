package dev.stackplan.testsupport;

import java.time.Duration;
import java.util.Map;

import dev.stackplan.kit.Dependency;
import dev.stackplan.kit.DependencyProperties;
import dev.stackplan.kit.DependencyWatch;
import reactor.core.publisher.Mono;

/** For slice tests, which start no broker or database to watch. */
public final class Dependencies {

	private static final DependencyProperties SETTINGS = new DependencyProperties(Duration.ofMillis(500),
			Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10));

	private Dependencies() {
	}

	/**
	 * A watch of nothing: every dependency counts as available, and request-path calls
	 * keep their usual bound.
	 */
	public static DependencyWatch allAvailable() {
		return new DependencyWatch(Map.of(), SETTINGS);
	}

	/**
	 * A watch whose database has not answered a look (it is never looked at): the
	 * database counts as away.
	 */
	public static DependencyWatch databaseAway() {
		return new DependencyWatch(Map.of(Dependency.DATABASE, Mono::empty), SETTINGS);
	}

}
