package dev.stackplan.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts one piece of the benchmark's infrastructure as its own process, reusing the
 * local platform's launchers: {@code kafka
 *
<dir>
 *  <port> <controllerPort> <readyFile>} (the KRaft broker, itself a child process of this
 * one) or {@code postgres
 *
<dir>
 *  <port> <readyFile>} (the embedded server). It writes the ready file once the piece
 * answers and stops it cleanly on SIGTERM, so that {@code deploy/bench/platform.sh} can
 * wait for it and stop it like any other process. Lives in this package because both
 * launchers are package-private.
 */
public final class BenchInfrastructure {

	private BenchInfrastructure() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		if (args.length < 1) {
			throw new IllegalArgumentException(
					"usage: kafka <dir> <port> <controllerPort> <readyFile> | postgres <dir> <port> <readyFile>");
		}
		AutoCloseable running;
		Path ready;
		String readyText;
		switch (args[0]) {
			case "kafka" -> {
				KafkaBroker broker = KafkaBroker.start(Path.of(args[1]), Integer.parseInt(args[2]),
						Integer.parseInt(args[3]));
				running = broker;
				ready = Path.of(args[4]);
				readyText = broker.bootstrapServers();
			}
			case "postgres" -> {
				EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[1]), Integer.parseInt(args[2]));
				running = database;
				ready = Path.of(args[3]);
				readyText = database.endpoint().jdbcUrl();
			}
			default -> throw new IllegalArgumentException("unknown piece " + args[0]);
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				running.close();
			}
			catch (Exception ex) {
				System.err.println("while stopping " + args[0] + ": " + ex);
			}
			stopped.countDown();
		}, "bench-infrastructure-stop"));
		Files.writeString(ready, readyText + "\n");
		System.out.println(args[0] + " ready: " + readyText);
		stopped.await();
	}

}
