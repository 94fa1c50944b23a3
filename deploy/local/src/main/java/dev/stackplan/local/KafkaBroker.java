package dev.stackplan.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) as a child process,
 * run from the Kafka jars on this JVM's class path. Its log lives under the given
 * directory and survives restarts. The broker ends with the process that started it,
 * however that one ends; a broker an earlier, crashed run left on the same log is ended
 * before a new one starts; a broker that dies is started again.
 */
final class KafkaBroker implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	/**
	 * Pause before a broker that died is started again, so a crash loop does not spin.
	 */
	private static final Duration RESTART_PAUSE = Duration.ofSeconds(2);

	private static final String PID_FILE = "broker.pid";

	private final ProcessBuilder command;

	private final Path directory;

	private final Path log;

	private final int port;

	private final String bootstrapServers;

	private volatile Process process;

	private volatile boolean closing;

	private KafkaBroker(ProcessBuilder command, Path directory, Path log, int port) {
		this.command = command;
		this.directory = directory;
		this.log = log;
		this.port = port;
		this.bootstrapServers = "127.0.0.1:" + port;
	}

	static KafkaBroker start(Path directory, int port, int controllerPort) {
		try {
			Path data = directory.resolve("data");
			Files.createDirectories(data);
			Path config = directory.resolve("server.properties");
			Files.writeString(config, serverProperties(data, port, controllerPort), StandardCharsets.UTF_8);
			Path logging = directory.resolve("logback.xml");
			Files.writeString(logging, LOGGING, StandardCharsets.UTF_8);
			Path log = directory.resolve("kafka.log");
			OwnProcesses.endLeftover(directory.resolve(PID_FILE), config.toString())
				.ifPresent((pid) -> System.out
					.println("[stackplan] ended a Kafka broker an earlier run left on " + data + " (pid " + pid + ")"));
			if (accepts(port)) {
				throw new IllegalStateException("Port " + port
						+ " is taken by a process that is not this platform's broker; stop it or set KAFKA_PORT");
			}
			if (!Files.exists(data.resolve("meta.properties"))) {
				format(config, log, logging);
			}
			ProcessBuilder command = java(logging, ExitWithParent.class.getName(),
					Long.toString(ProcessHandle.current().pid()), "kafka.Kafka", config.toString())
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			KafkaBroker broker = new KafkaBroker(command, directory, log, port);
			broker.launch();
			broker.awaitReady(log, port);
			broker.superviseRestarts();
			return broker;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void launch() throws IOException {
		Process started = this.command.start();
		this.process = started;
		OwnProcesses.writePid(this.directory.resolve(PID_FILE), started.pid());
	}

	/**
	 * A broker that exits while the platform runs is started again, as often as needed.
	 */
	private void superviseRestarts() {
		Process watched = this.process;
		watched.onExit().thenRun(() -> {
			if (this.closing) {
				return;
			}
			System.out
				.println("[stackplan] the Kafka broker exited with " + watched.exitValue() + "; starting it again");
			try {
				Thread.sleep(RESTART_PAUSE.toMillis());
				awaitPortFree();
				launch();
				awaitReady(this.log, this.port);
				System.out.println("[stackplan] Kafka broker back at " + this.bootstrapServers);
				superviseRestarts();
			}
			catch (IOException | RuntimeException ex) {
				System.out.println("[stackplan] the Kafka broker did not start again: " + ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	private void awaitPortFree() throws InterruptedException {
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		while (accepts(this.port) && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
	}

	/** The broker's process now (it changes when the broker is started again). */
	long pid() {
		return this.process.pid();
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	private static void format(Path config, Path log, Path logging) throws IOException {
		Process format = java(logging, "kafka.tools.StorageTool", "format", "--standalone", "-t",
				Uuid.randomUuid().toString(), "-c", config.toString())
			.redirectOutput(log.toFile())
			.start();
		try {
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				throw new IllegalStateException("Formatting the Kafka log failed; see " + log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while formatting the Kafka log", ex);
		}
	}

	private static ProcessBuilder java(Path logging, String mainClass, String... args) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx512m",
				"-Dlogback.configurationFile=" + logging, "-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		return new ProcessBuilder(OwnProcesses.ownSession(command)).redirectErrorStream(true);
	}

	private void awaitReady(Path log, int port) {
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		// an admin client asked too early logs a timeout a second; a listening port first
		// keeps the console clean
		while (!accepts(port) && Instant.now().isBefore(deadline) && this.process.isAlive()) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				close();
				throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
			}
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000))) {
			while (true) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("The Kafka broker exited with " + this.process.exitValue()
							+ "; see " + log + (log.toFile().exists() ? "\n" + tail(log) : ""));
				}
				try {
					admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
					return;
				}
				catch (ExecutionException | TimeoutException ex) {
					if (Instant.now().isAfter(deadline)) {
						close();
						throw new IllegalStateException("The Kafka broker did not answer within " + STARTUP_TIMEOUT);
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
			throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** A controlled shutdown, so the next start needs no log recovery. */
	@Override
	public void close() {
		this.closing = true;
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static String serverProperties(Path data, int port, int controllerPort) {
		return """
				process.roles=broker,controller
				node.id=1
				controller.quorum.bootstrap.servers=127.0.0.1:%2$d
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				log.dirs=%3$s
				offsets.topic.replication.factor=1
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				# topics are declared by the services with the co-partitioned layout; never guessed by the broker
				auto.create.topics.enable=false
				""".formatted(port, controllerPort, data.toAbsolutePath().toString().replace(File.separatorChar, '/'));
	}

	private static final String LOGGING = """
			<configuration>
				<appender name="out" class="ch.qos.logback.core.ConsoleAppender">
					<encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
				</appender>
				<logger name="kafka.server.KafkaRaftServer" level="INFO"/>
				<root level="WARN"><appender-ref ref="out"/></root>
			</configuration>
			""";

}
