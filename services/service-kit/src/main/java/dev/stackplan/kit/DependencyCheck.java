package dev.stackplan.kit;

/**
 * How one dependency is looked at, and what to release when the service stops.
 *
 * @param dependency what is looked at
 * @param check one bounded look
 * @param release closes what the look holds open (a client, a connection)
 * @param warmUp what to open before the first request (a pool's connections), so the
 * first requests after a start do not each wait for a new connection
 */
public record DependencyCheck(Dependency dependency, DependencyWatch.Check check, Runnable release,
		Runnable warmUp) implements AutoCloseable {

	public DependencyCheck(Dependency dependency, DependencyWatch.Check check, Runnable release) {
		this(dependency, check, release, () -> {
		});
	}

	@Override
	public void close() {
		this.release.run();
	}

}
