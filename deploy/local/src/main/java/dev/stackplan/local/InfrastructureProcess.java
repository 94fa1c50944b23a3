package dev.stackplan.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one piece of infrastructure as a process of its own. Arguments: {@code kafka} with
 * the directory, port, controller port and ready file (the KRaft broker, itself a child
 * process of this one), or {@code postgres} with the directory, port and ready file (the
 * embedded server). It writes the ready file once the piece answers and stops it cleanly
 * on SIGTERM, so that the run command, {@code deploy/bench/platform.sh} and the
 * reliability suite can wait for it, stop it in order, and kill it like any other
 * process.
 */
public final class InfrastructureProcess {

	private InfrastructureProcess() {
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
		}, "infrastructure-stop"));
		Files.writeString(ready, readyText + "\n");
		System.out.println(args[0] + " ready: " + readyText);
		stopped.await();
	}

}
