package dev.stackplan.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.contracts.topic.Topics;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine with nothing installed: a Kafka broker (child
 * process), Postgres (the server named by {@code STACKPLAN_DB_HOST}, else an embedded
 * one) and the four services. Everything it stores lives under {@code STACKPLAN_DATA_DIR}
 * and survives a restart. Ctrl-C stops it all.
 *
 * <p>
 * Settings (environment): {@code STACKPLAN_DATA_DIR} (default {@code .stackplan}),
 * {@code KAFKA_PORT} (9092) and {@code KAFKA_CONTROLLER_PORT} (9093),
 * {@code STACKPLAN_DB_HOST}, {@code STACKPLAN_DB_PORT} (5432), {@code STACKPLAN_DB_NAME}
 * (postgres), {@code STACKPLAN_DB_USER} (postgres), {@code STACKPLAN_DB_PASSWORD}
 * (empty), {@code STACKPLAN_EMBEDDED_DB_PORT} (15432), {@code GATEWAY_PORT} (8080),
 * {@code GATEWAY_MANAGEMENT_PORT} (8090), {@code INTAKE_PORT} (8081),
 * {@code SCORING_PORT} (8082), {@code COSTING_PORT} (8083), {@code STACKPLAN_PARTITIONS}
 * (6), {@code STACKPLAN_DB_DURABILITY} ({@code fast} turns fsync off in the embedded
 * database). Everything but the gateway's public port listens on 127.0.0.1
 * ({@code STACKPLAN_BIND_ADDRESS} changes that); intake takes calls only with a secret
 * drawn afresh at every start.
 *
 * <p>
 * The console shows one line per component as it starts and then where everything is;
 * every service's log goes to {@code logs/platform.log} in the data directory, warnings
 * and errors to the console too, everything with {@code --verbose}. Each line names the
 * service that wrote it.
 *
 * <p>
 * The broker and the embedded database are processes of their own that end with this one
 * however it ends (even kill -9); a start after a crash ends what the crashed run left on
 * the same data directory; a broker that dies is started again. A stop (Ctrl-C, SIGTERM)
 * goes in order: the gateway drains, then the other services, the broker, the database.
 */
public final class LocalPlatform {

	/** How long "ready" waits for the pipeline's consumers to have every partition. */
	private static final Duration CONSUMERS_TIMEOUT = Duration.ofSeconds(60);

	/** The logging set-up, a class path resource of this module. */
	private static final String LOGGING_CONFIG = "stackplan-local-logback.xml";

	private LocalPlatform() {
	}

	public static void main(String[] args) throws InterruptedException {
		long started = System.nanoTime();
		boolean verbose = List.of(args).contains("--verbose");
		Path data = Path.of(env("STACKPLAN_DATA_DIR", ".stackplan")).toAbsolutePath();
		Path log = data.resolve("logs").resolve("platform.log");
		// before anything logs: one logging set-up for the launcher, the broker's admin
		// client and every service's context (they share the JVM's one logging system);
		// the console gets warnings and errors, the file everything
		System.setProperty("stackplan.log.file", log.toString());
		System.setProperty("stackplan.console.level", verbose ? "INFO" : "WARN");
		if (!verbose) {
			System.setProperty("stackplan.kafka.level", "WARN");
			// Kafka clients log their whole configuration and every offset reset at INFO,
			// 29 dumps before the platform is ready: left out of the file too. System
			// properties, so that every service's context sees them from the first.
			System.setProperty("logging.level.org.apache.kafka", "WARN");
			System.setProperty("logging.level.org.springframework.kafka.listener", "WARN");
		}
		System.setProperty("logback.configurationFile", LOGGING_CONFIG);
		// logback reads its configuration on the first logger; Spring Boot then reads
		// logging.config, and warns while logback's own property is still set
		LoggerFactory.getILoggerFactory();
		System.clearProperty("logback.configurationFile");
		System.setProperty("logging.config", "classpath:" + LOGGING_CONFIG);
		Deque<AutoCloseable> running = new ArrayDeque<>();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			say("stopping");
			stopAll(running);
			stopped.countDown();
		}, "stackplan-stop"));

		say("data directory " + data + (verbose ? "" : "; logs in " + log + " (--verbose shows them here)"));
		// started first, stopped last: the services drain, then the broker stops, then
		// the
		// database
		DatabaseEndpoint database;
		String dbHost = System.getenv("STACKPLAN_DB_HOST");
		if (dbHost != null && !dbHost.isBlank()) {
			database = new DatabaseEndpoint(dbHost, port("STACKPLAN_DB_PORT", 5432),
					env("STACKPLAN_DB_NAME", "postgres"), env("STACKPLAN_DB_USER", "postgres"),
					env("STACKPLAN_DB_PASSWORD", ""));
			say("Postgres (configured) at " + database.jdbcUrl());
		}
		else {
			DatabaseProcess embedded = DatabaseProcess.start(data.resolve("postgres"),
					port("STACKPLAN_EMBEDDED_DB_PORT", 15432));
			running.push(embedded);
			database = embedded.endpoint();
			say("Postgres (embedded, own process) at " + database.jdbcUrl());
		}

		KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), port("KAFKA_PORT", 9092),
				port("KAFKA_CONTROLLER_PORT", 9093));
		running.push(kafka);
		say("Kafka broker (KRaft) at " + kafka.bootstrapServers());

		PlatformServices services = PlatformServices.start(kafka.bootstrapServers(), database,
				new ServicePorts(port("GATEWAY_PORT", 8080), port("GATEWAY_MANAGEMENT_PORT", 8090),
						port("INTAKE_PORT", 8081), port("SCORING_PORT", 8082), port("COSTING_PORT", 8083)),
				port("STACKPLAN_PARTITIONS", 6), LocalPlatform::say);
		running.push(services);
		if (!ConsumersAssigned.await(kafka.bootstrapServers(),
				List.of(ConsumerGroups.SCORING, ConsumerGroups.COSTING, ConsumerGroups.GATEWAY), Topics.PLAN_REQUESTED,
				CONSUMERS_TIMEOUT)) {
			say("the consumers have not all got their partitions after " + CONSUMERS_TIMEOUT.toSeconds()
					+ " s; plans will wait until they do");
		}
		say("ready in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
		String gateway = services.gatewayUrl();
		say("gateway: " + gateway + "   (POST " + gateway + "/api/v1/plans; Ctrl-C stops everything)");
		say("  web page  " + gateway + "/");
		say("  API docs  " + gateway + "/docs");
		say("  metrics   http://127.0.0.1:" + services.managementPort(PlatformServices.Service.GATEWAY)
				+ "/actuator/prometheus");
		say("  API keys  demo-key, other-key (clients), analyst-key (scenarios); local only");
		say("  logs      " + log);

		stopped.await();
	}

	private static void stopAll(Deque<AutoCloseable> running) {
		while (!running.isEmpty()) {
			try {
				running.pop().close();
			}
			catch (Exception ex) {
				say("while stopping: " + ex);
			}
		}
	}

	private static void say(String message) {
		System.out.println("[stackplan] " + message);
	}

	private static int port(String name, int fallback) {
		return Integer.parseInt(env(name, Integer.toString(fallback)));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
