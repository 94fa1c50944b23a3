package dev.stackplan.kit;

/**
 * How one dependency is looked at, and what to release when the service stops.
 *
 * @param dependency what is looked at
 * @param check one bounded look
 * @param release closes what the look holds open (a client, a connection)
 */
public record DependencyCheck(Dependency dependency, DependencyWatch.Check check,
		Runnable release) implements AutoCloseable {

	@Override
	public void close() {
		this.release.run();
	}

}
