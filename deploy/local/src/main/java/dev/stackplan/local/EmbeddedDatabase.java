package dev.stackplan.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from binaries shipped in a jar, for machines with no Postgres
 * installed. Its data directory survives restarts, and it is durable: every commit is on
 * disk before it is answered (the library's defaults, fsync and synchronous commit off,
 * could lose committed plans to a crash while Kafka already counts them as handled).
 * {@code STACKPLAN_DB_DURABILITY=fast} opts out, for benchmarks of the rest. A server an
 * earlier, crashed run left on the same directory is ended before this one starts.
 */
final class EmbeddedDatabase implements AutoCloseable {

	/** The value of {@code STACKPLAN_DB_DURABILITY} that trades durability for speed. */
	static final String FAST = "fast";

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedDatabase start(Path directory, int port) {
		boolean durable = !FAST.equalsIgnoreCase(System.getenv("STACKPLAN_DB_DURABILITY"));
		try {
			Files.createDirectories(directory);
			OwnProcesses.endLeftover(directory.resolve("postmaster.pid"), directory.toString())
				.ifPresent((pid) -> System.out.println("[stackplan] ended a Postgres server an earlier run left on "
						+ directory + " (pid " + pid + ")"));
			if (!durable) {
				System.out.println("[stackplan] STACKPLAN_DB_DURABILITY=fast: a crash of this machine can lose "
						+ "the last committed plans, which nothing replays");
			}
			String on = durable ? "on" : "off";
			return new EmbeddedDatabase(EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setPort(port)
				// after the library's own -F (fsync off) on the command line, so these
				// win
				.setServerConfig("fsync", on)
				.setServerConfig("synchronous_commit", on)
				.setServerConfig("full_page_writes", on)
				.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded Postgres did not start", ex);
		}
	}

	DatabaseEndpoint endpoint() {
		return new DatabaseEndpoint("127.0.0.1", this.postgres.getPort(), "postgres", "postgres", "");
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
