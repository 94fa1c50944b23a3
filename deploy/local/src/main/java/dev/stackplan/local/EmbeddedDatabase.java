package dev.stackplan.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from binaries shipped in a jar, for machines with no Postgres
 * installed. Its data directory survives restarts.
 */
final class EmbeddedDatabase implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedDatabase start(Path directory, int port) {
		try {
			Files.createDirectories(directory);
			return new EmbeddedDatabase(EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setPort(port)
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
