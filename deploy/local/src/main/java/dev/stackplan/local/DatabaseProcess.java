package dev.stackplan.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The embedded Postgres in a process of its own, so that the run command decides when it
 * stops (last, after the services drained and the broker stopped): in the run command's
 * own JVM, the database library's shutdown hook would stop it at the first signal, while
 * requests were still being answered. It ends with the run command however that one ends.
 */
final class DatabaseProcess implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final Process process;

	private final DatabaseEndpoint endpoint;

	private DatabaseProcess(Process process, DatabaseEndpoint endpoint) {
		this.process = process;
		this.endpoint = endpoint;
	}

	static DatabaseProcess start(Path directory, int port) {
		try {
			Files.createDirectories(directory.getParent());
			Path ready = directory.resolveSibling("postgres.ready");
			Path log = directory.resolveSibling("postgres.log");
			Files.deleteIfExists(ready);
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp",
							System.getProperty("java.class.path"), ExitWithParent.class.getName(),
							Long.toString(ProcessHandle.current().pid()), InfrastructureProcess.class.getName(),
							"postgres", directory.toString(), Integer.toString(port), ready.toString()));
			Process process = new ProcessBuilder(OwnProcesses.ownSession(command)).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
			while (!Files.exists(ready)) {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							"The embedded Postgres exited with " + process.exitValue() + "; see " + log);
				}
				if (Instant.now().isAfter(deadline)) {
					process.destroyForcibly();
					throw new IllegalStateException("The embedded Postgres was not ready within " + STARTUP_TIMEOUT);
				}
				Thread.sleep(100);
			}
			return new DatabaseProcess(process, new DatabaseEndpoint("127.0.0.1", port, "postgres", "postgres", ""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting Postgres", ex);
		}
	}

	DatabaseEndpoint endpoint() {
		return this.endpoint;
	}

	/** A clean stop: the process's hook stops the server before it exits. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
