package dev.stackplan.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.contracts.topic.Topics;

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
 * The broker and the embedded database are processes of their own that end with this one
 * however it ends (even kill -9); a start after a crash ends what the crashed run left on
 * the same data directory; a broker that dies is started again. A stop (Ctrl-C, SIGTERM)
 * goes in order: the gateway drains, then the other services, the broker, the database.
 */
public final class LocalPlatform {

	/** How long "ready" waits for the pipeline's consumers to have every partition. */
	private static final Duration CONSUMERS_TIMEOUT = Duration.ofSeconds(60);

	private LocalPlatform() {
	}

	public static void main(String[] args) throws InterruptedException {
		long started = System.nanoTime();
		if (!List.of(args).contains("--verbose")) {
			// Kafka clients log their whole configuration and every offset reset at INFO,
			// 29 dumps
			// before the platform is ready; a person running it wants the ready line.
			// System
			// properties, so that every service's context (and the one logging system
			// they share)
			// sees them from the first.
			System.setProperty("logging.level.org.apache.kafka", "WARN");
			System.setProperty("logging.level.org.springframework.kafka.listener", "WARN");
		}
		Path data = Path.of(env("STACKPLAN_DATA_DIR", ".stackplan")).toAbsolutePath();
		Deque<AutoCloseable> running = new ArrayDeque<>();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			say("stopping");
			stopAll(running);
			stopped.countDown();
		}, "stackplan-stop"));

		say("data directory " + data);
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
				port("STACKPLAN_PARTITIONS", 6));
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
