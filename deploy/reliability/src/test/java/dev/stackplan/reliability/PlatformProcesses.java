package dev.stackplan.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The platform as separate operating-system processes, as in production: the Kafka broker
 * (the KafkaBroker launcher in a process of its own, the broker its child), an embedded
 * Postgres server (zonky, started by a launcher process; the postmaster daemonises) and
 * scoring, costing, intake and the gateway, each {@code java -jar <service>-exec.jar}. A
 * test kills, freezes, stops and restarts the pieces; {@link #close()} ends every one of
 * them and anything else that still runs in the data directory.
 */
final class PlatformProcesses implements AutoCloseable {

	/** The services, in start order (the gateway calls intake). */
	enum Service {

		SCORING, COSTING, INTAKE, GATEWAY;

		String artifact() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * C1 only and the serial collector: four JVMs start on two cores in well under a
	 * minute; the heap is bounded so that a memory figure means something.
	 */
	static final List<String> SERVICE_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m");

	private static final List<String> LAUNCHER_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
			"-Xmx128m");

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration STOP_GRACE = Duration.ofSeconds(45);

	private static final Duration POLL = Duration.ofMillis(250);

	private static final int INTERNAL_TOKEN_BYTES = 32;

	/**
	 * Ports from a base below the ephemeral range (32768-60999), so no client socket of
	 * this machine can hold one of them.
	 */
	record Ports(int gateway, int gatewayManagement, int intake, int scoring, int costing, int kafka,
			int kafkaController, int postgres) {

		static Ports from(int base) {
			if (base + 100 >= 32768) {
				throw new IllegalArgumentException("base port " + base + " reaches the ephemeral range");
			}
			return new Ports(base, base + 10, base + 1, base + 2, base + 3, base + 92, base + 93, base + 32);
		}

		List<Integer> all() {
			return List.of(this.gateway, this.gatewayManagement, this.intake, this.scoring, this.costing, this.kafka,
					this.kafkaController, this.postgres);
		}

		int http(Service service) {
			return switch (service) {
				case SCORING -> this.scoring;
				case COSTING -> this.costing;
				case INTAKE -> this.intake;
				case GATEWAY -> this.gateway;
			};
		}

		/** Where a service's actuator answers: the gateway's is off its public port. */
		int management(Service service) {
			return (service == Service.GATEWAY) ? this.gatewayManagement : http(service);
		}

	}

	private final Path root;

	private final Path data;

	private final Ports ports;

	private final Map<String, String> serviceEnvironment;

	private final List<String> gatewayArguments;

	private final Map<Service, Process> services = new EnumMap<>(Service.class);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private Process brokerLauncher;

	private Process databaseLauncher;

	private List<Long> frozen = List.of();

	private PlatformProcesses(Path root, Path data, Ports ports, Map<String, String> extraEnvironment,
			List<String> gatewayArguments) {
		this.root = root;
		this.data = data;
		this.ports = ports;
		String internalToken = HexFormat.of().formatHex(SecureRandom.getSeed(INTERNAL_TOKEN_BYTES));
		Map<String, String> environment = new HashMap<>();
		environment.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
		environment.put("STACKPLAN_DB_HOST", "127.0.0.1");
		environment.put("STACKPLAN_DB_PORT", Integer.toString(ports.postgres()));
		environment.put("STACKPLAN_DB_NAME", "postgres");
		environment.put("STACKPLAN_DB_USER", "postgres");
		environment.put("STACKPLAN_DB_PASSWORD", "");
		environment.put("GATEWAY_PORT", Integer.toString(ports.gateway()));
		environment.put("GATEWAY_MANAGEMENT_PORT", Integer.toString(ports.gatewayManagement()));
		environment.put("INTAKE_PORT", Integer.toString(ports.intake()));
		environment.put("SCORING_PORT", Integer.toString(ports.scoring()));
		environment.put("COSTING_PORT", Integer.toString(ports.costing()));
		environment.put("INTAKE_URL", "http://127.0.0.1:" + ports.intake());
		environment.put("STACKPLAN_INTERNAL_TOKEN", internalToken);
		environment.putAll(extraEnvironment);
		this.serviceEnvironment = Map.copyOf(environment);
		this.gatewayArguments = List.copyOf(gatewayArguments);
	}

	/**
	 * Starts the broker and the database, then the four services, and waits for each
	 * one's readiness.
	 * @param root the repository (where the exec jars are built)
	 * @param data an empty directory of this platform's own
	 * @param ports the ports
	 * @param extraEnvironment settings of every service
	 * @param gatewayArguments extra {@code --name=value} arguments of the gateway
	 */
	static PlatformProcesses start(Path root, Path data, Ports ports, Map<String, String> extraEnvironment,
			List<String> gatewayArguments) {
		for (int port : ports.all()) {
			if (answers(port)) {
				throw new IllegalStateException("port " + port + " is in use: another run of the suite, or a leftover");
			}
		}
		PlatformProcesses platform = new PlatformProcesses(root, data, ports, extraEnvironment, gatewayArguments);
		try {
			Files.createDirectories(data.resolve("logs"));
			platform.startBroker();
			platform.startDatabase();
			for (Service service : Service.values()) {
				platform.launch(service);
			}
			for (Service service : Service.values()) {
				platform.awaitReady(service);
			}
			return platform;
		}
		catch (IOException ex) {
			platform.close();
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException | Error ex) {
			platform.close();
			throw ex;
		}
	}

	Ports ports() {
		return this.ports;
	}

	Path data() {
		return this.data;
	}

	String gatewayUrl() {
		return "http://127.0.0.1:" + this.ports.gateway();
	}

	String managementUrl() {
		return "http://127.0.0.1:" + this.ports.gatewayManagement();
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.ports.postgres() + "/postgres";
	}

	String internalToken() {
		return this.serviceEnvironment.get("STACKPLAN_INTERNAL_TOKEN");
	}

	long pid(Service service) {
		return Objects.requireNonNull(this.services.get(service), () -> service + " is not running").pid();
	}

	boolean isRunning(Service service) {
		Process process = this.services.get(service);
		return process != null && process.isAlive();
	}

	// --- services

	/** Starts a service that is not running and waits until it is ready. */
	void start(Service service) {
		launch(service);
		awaitReady(service);
	}

	/** SIGKILL: a crash, no shutdown hook, no drain. */
	void kill(Service service) {
		Process process = this.services.remove(service);
		if (process != null) {
			process.destroyForcibly();
			awaitExit(process, STOP_GRACE);
		}
	}

	/** SIGTERM: what a deployment or an operator's stop sends; waits for the exit. */
	void terminate(Service service) {
		Process process = this.services.remove(service);
		if (process != null) {
			process.destroy();
			if (!awaitExit(process, STOP_GRACE)) {
				process.destroyForcibly();
				awaitExit(process, STOP_GRACE);
				throw new AssertionError(service + " did not stop within " + STOP_GRACE + " of SIGTERM");
			}
		}
	}

	/** Every service and the infrastructure still running, for health between tests. */
	void ensureRunning() {
		if (!this.frozen.isEmpty()) {
			thawDatabase();
		}
		if (this.brokerLauncher == null || !this.brokerLauncher.isAlive()) {
			killBroker();
			startBroker();
		}
		if (this.databaseLauncher == null || !this.databaseLauncher.isAlive()) {
			startDatabase();
		}
		for (Service service : Service.values()) {
			if (!isRunning(service)) {
				this.services.remove(service);
				start(service);
			}
		}
	}

	private void launch(Service service) {
		Process previous = this.services.get(service);
		if (previous != null && previous.isAlive()) {
			return;
		}
		Path jar = this.root
			.resolve("services/" + service.artifact() + "/target/" + service.artifact() + "-0.1.0-SNAPSHOT-exec.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("no " + jar + ": build with ./mvnw -B package -DskipTests first");
		}
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(SERVICE_JVM_FLAGS);
		command.add(marker());
		command.addAll(List.of("-jar", jar.toString()));
		if (service == Service.GATEWAY) {
			command.addAll(this.gatewayArguments);
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log(service.artifact()).toFile()));
		builder.environment().putAll(this.serviceEnvironment);
		this.services.put(service, startProcess(builder));
	}

	private void awaitReady(Service service) {
		String readiness = "http://127.0.0.1:" + this.ports.management(service) + "/actuator/health/readiness";
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (true) {
			Process process = this.services.get(service);
			if (process == null || !process.isAlive()) {
				throw new IllegalStateException(service + " exited while starting; see " + log(service.artifact())
						+ "\n" + tail(log(service.artifact())));
			}
			if (status(readiness) == 200) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						service + " not ready within " + START_TIMEOUT + "\n" + tail(log(service.artifact())));
			}
			OsProcesses.sleep(POLL);
		}
	}

	/** HTTP status of a GET, 0 when nothing answers within two seconds. */
	int status(String url) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// --- the broker

	/** The broker process itself (the launcher's child). */
	long brokerPid() {
		return this.brokerLauncher.children()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the broker launcher has no broker"))
			.pid();
	}

	/** SIGKILL of the broker and its launcher: the log is left as a crash leaves it. */
	void killBroker() {
		if (this.brokerLauncher == null) {
			return;
		}
		List<ProcessHandle> broker = this.brokerLauncher.descendants().toList();
		this.brokerLauncher.destroyForcibly();
		broker.forEach(ProcessHandle::destroyForcibly);
		awaitExit(this.brokerLauncher, STOP_GRACE);
		broker.forEach((process) -> awaitExit(process, STOP_GRACE));
		this.brokerLauncher = null;
	}

	/**
	 * SIGTERM of the broker's launcher, which stops the broker cleanly; waits for both.
	 */
	void terminateBroker() {
		this.brokerLauncher = terminateLauncher(this.brokerLauncher, "the broker");
	}

	/** SIGTERM of the database's launcher, which stops Postgres (a fast shutdown). */
	void terminateDatabase() {
		this.databaseLauncher = terminateLauncher(this.databaseLauncher, "the database");
	}

	private static Process terminateLauncher(Process launcher, String what) {
		if (launcher == null) {
			return null;
		}
		List<ProcessHandle> below = launcher.descendants().toList();
		launcher.destroy();
		boolean stopped = awaitExit(launcher, STOP_GRACE) && below.stream().allMatch((p) -> awaitExit(p, STOP_GRACE));
		if (!stopped) {
			launcher.destroyForcibly();
			below.forEach(ProcessHandle::destroyForcibly);
			throw new AssertionError(what + " did not stop within " + STOP_GRACE + " of SIGTERM");
		}
		return null;
	}

	/** Starts the broker on its log directory (again) and waits until it answers. */
	void startBroker() {
		Path ready = this.data.resolve("kafka.ready");
		deleteQuietly(ready);
		ProcessBuilder builder = launcher("kafka", this.data.resolve("kafka").toString(),
				Integer.toString(this.ports.kafka()), Integer.toString(this.ports.kafkaController()), ready.toString());
		this.brokerLauncher = startProcess(builder);
		awaitFile(this.brokerLauncher, ready, "kafka-launcher");
	}

	// --- the database

	private void startDatabase() {
		Path ready = this.data.resolve("postgres.ready");
		deleteQuietly(ready);
		ProcessBuilder builder = launcher("postgres", this.data.resolve("postgres").toString(),
				Integer.toString(this.ports.postgres()), ready.toString());
		this.databaseLauncher = startProcess(builder);
		awaitFile(this.databaseLauncher, ready, "postgres-launcher");
	}

	/**
	 * The postmaster, from the first line of {@code postmaster.pid} in its data
	 * directory.
	 */
	long postmasterPid() {
		try {
			return Long.parseLong(Files.readAllLines(this.data.resolve("postgres/postmaster.pid")).get(0).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * SIGSTOP of the postmaster and every backend: connections are still accepted by the
	 * kernel, but nothing answers, as a database on a stalled disk or a paused VM.
	 */
	void freezeDatabase() {
		this.frozen = OsProcesses.withDescendants(postmasterPid());
		OsProcesses.signal("STOP", this.frozen);
	}

	void thawDatabase() {
		// backends forked while frozen cannot exist (the postmaster was stopped), so the
		// same list is complete
		OsProcesses.signal("CONT", this.frozen);
		this.frozen = List.of();
	}

	// --- processes

	private ProcessBuilder launcher(String piece, String... args) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(LAUNCHER_JVM_FLAGS);
		command.add(marker());
		command.addAll(List.of("-cp", benchClassPath(), "dev.stackplan.local.BenchInfrastructure", piece));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log(piece + "-launcher").toFile()));
	}

	/**
	 * The launchers run from this JVM's class path (platform-bench, local-platform and
	 * the Kafka and zonky jars it brings): the broker, started from the launcher's class
	 * path in turn, needs the same jars.
	 */
	private static String benchClassPath() {
		return System.getProperty("java.class.path");
	}

	/**
	 * Names this platform's data directory on every command line, so nothing escapes
	 * {@link #close()}.
	 */
	private String marker() {
		return "-Dstackplan.reliability.data=" + this.data.toAbsolutePath();
	}

	private Path log(String name) {
		return this.data.resolve("logs/" + name + ".log");
	}

	private static Process startProcess(ProcessBuilder builder) {
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitFile(Process launcher, Path file, String name) {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!Files.exists(file)) {
			if (!launcher.isAlive()) {
				throw new IllegalStateException(name + " exited while starting\n" + tail(log(name)));
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(name + " not ready within " + START_TIMEOUT + "\n" + tail(log(name)));
			}
			OsProcesses.sleep(POLL);
		}
	}

	private static boolean awaitExit(Process process, Duration grace) {
		return awaitExit(process.toHandle(), grace);
	}

	private static boolean awaitExit(ProcessHandle process, Duration grace) {
		long deadline = System.nanoTime() + grace.toNanos();
		while (process.isAlive() && System.nanoTime() < deadline) {
			OsProcesses.sleep(Duration.ofMillis(50));
		}
		return !process.isAlive();
	}

	static boolean answers(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static String tail(Path log) {
		try (Stream<String> lines = Files.lines(log)) {
			List<String> all = lines.toList();
			return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log)";
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops in the order a careful operator would (gateway, intake, scoring, costing,
	 * then the broker and the database), each with SIGTERM and a grace; then ends
	 * anything still running in the data directory (a broker or a postmaster whose
	 * launcher was killed).
	 */
	@Override
	public void close() {
		if (!this.frozen.isEmpty()) {
			thawDatabase();
		}
		List<Service> order = new ArrayList<>(List.of(Service.values()));
		Collections.reverse(order);
		for (Service service : order) {
			Process process = this.services.remove(service);
			if (process != null) {
				OsProcesses.end(List.of(process.toHandle()), STOP_GRACE);
			}
		}
		for (Process launcher : new Process[] { this.brokerLauncher, this.databaseLauncher }) {
			if (launcher != null) {
				OsProcesses.end(List.of(launcher.toHandle()), STOP_GRACE);
			}
		}
		OsProcesses.end(OsProcesses.ofDirectory(this.data), STOP_GRACE);
	}

}
