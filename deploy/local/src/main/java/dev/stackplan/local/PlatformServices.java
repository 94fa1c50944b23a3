package dev.stackplan.local;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.stackplan.costing.CostingApplication;
import dev.stackplan.gateway.GatewayApplication;
import dev.stackplan.intake.IntakeApplication;
import dev.stackplan.scoring.ScoringApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The four services, each its own Spring application context with its own port, in this
 * JVM. They share nothing but the broker and the database, exactly as separate processes
 * would. Used by the local platform and by the end-to-end tests, which also stop and
 * start single services to prove that plans survive it.
 */
public final class PlatformServices implements AutoCloseable {

	/** The services, in start order: the gateway needs intake's port. */
	public enum Service {

		SCORING, COSTING, INTAKE, GATEWAY

	}

	/** 256 bits, as much as the SHA-256 the API keys are stored under. */
	private static final int INTERNAL_TOKEN_BYTES = 32;

	/**
	 * Scoring and costing own no tables and take no calls but the actuator's. In their
	 * own processes they have no database or security on the class path; on this one they
	 * would get the gateway's and intake's, and Spring Security would put their actuator
	 * behind a generated password and answer errors as empty 401s.
	 */
	private static final String WITHOUT_DATABASE_OR_SECURITY = "--spring.autoconfigure.exclude=" + Stream
		.of(R2dbcAutoConfiguration.class, FlywayAutoConfiguration.class, DataSourceAutoConfiguration.class,
				ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
				ReactiveManagementWebSecurityAutoConfiguration.class)
		.map(Class::getName)
		.collect(Collectors.joining(","));

	private final Map<Service, Supplier<ConfigurableApplicationContext>> starters = new LinkedHashMap<>();

	private final Map<Service, ConfigurableApplicationContext> running = new LinkedHashMap<>();

	private final Map<Service, ThreadGroup> groups = new EnumMap<>(Service.class);

	private Consumer<String> progress = (line) -> {
	};

	private PlatformServices() {
	}

	/**
	 * Starts scoring, costing, intake and then the gateway.
	 * @param kafkaBootstrapServers the broker
	 * @param database the database
	 * @param ports the HTTP ports
	 * @param partitions partitions of every plan topic
	 * @param gatewayOverrides extra {@code --name=value} settings of the gateway
	 * @return the running services
	 */
	public static PlatformServices start(String kafkaBootstrapServers, DatabaseEndpoint database, ServicePorts ports,
			int partitions, String... gatewayOverrides) {
		return start(kafkaBootstrapServers, database, ports, partitions, (line) -> {
		}, gatewayOverrides);
	}

	/**
	 * Starts scoring, costing, intake and then the gateway, telling {@code progress} one
	 * line as each is up.
	 * @param kafkaBootstrapServers the broker
	 * @param database the database
	 * @param ports the HTTP ports
	 * @param partitions partitions of every plan topic
	 * @param progress told a line per service started
	 * @param gatewayOverrides extra {@code --name=value} settings of the gateway
	 * @return the running services
	 */
	public static PlatformServices start(String kafkaBootstrapServers, DatabaseEndpoint database, ServicePorts ports,
			int partitions, Consumer<String> progress, String... gatewayOverrides) {
		PlatformServices services = new PlatformServices();
		services.progress = progress;
		// a fresh secret per platform: only this platform's gateway can call its intake
		String internalToken = newInternalToken();
		List<String> common = List.of("--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
				"--stackplan.topics.partitions=" + partitions);
		List<String> withDatabase = new ArrayList<>(common);
		withDatabase
			.addAll(List.of("--spring.r2dbc.url=" + database.r2dbcUrl(), "--spring.r2dbc.username=" + database.user(),
					"--spring.r2dbc.password=" + database.password(), "--spring.flyway.url=" + database.jdbcUrl(),
					"--spring.flyway.user=" + database.user(), "--spring.flyway.password=" + database.password()));
		List<String> withoutTables = new ArrayList<>(common);
		withoutTables.add(WITHOUT_DATABASE_OR_SECURITY);
		services.starters.put(Service.SCORING,
				() -> run(ScoringApplication.application(), ports.scoring(), withoutTables));
		services.starters.put(Service.COSTING,
				() -> run(CostingApplication.application(), ports.costing(), withoutTables));
		List<String> intakeArgs = new ArrayList<>(withDatabase);
		intakeArgs.add("--stackplan.intake.internal-token=" + internalToken);
		services.starters.put(Service.INTAKE, () -> run(IntakeApplication.application(), ports.intake(), intakeArgs));
		services.starters.put(Service.GATEWAY, () -> {
			List<String> gatewayArgs = new ArrayList<>(withDatabase);
			gatewayArgs.add("--stackplan.gateway.intake-url=http://127.0.0.1:" + services.port(Service.INTAKE));
			gatewayArgs.add("--stackplan.gateway.intake-token=" + internalToken);
			gatewayArgs.add("--management.server.port=" + ports.gatewayManagement());
			gatewayArgs.addAll(List.of(gatewayOverrides));
			return run(GatewayApplication.application(), ports.gateway(), gatewayArgs);
		});
		try {
			for (Service service : Service.values()) {
				services.start(service);
			}
			return services;
		}
		catch (RuntimeException ex) {
			services.close();
			throw ex;
		}
	}

	private static String newInternalToken() {
		byte[] random = new byte[INTERNAL_TOKEN_BYTES];
		new SecureRandom().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	private static ConfigurableApplicationContext run(SpringApplicationBuilder application, int port,
			List<String> args) {
		List<String> all = new ArrayList<>(ownFiles(application.application().getMainApplicationClass()));
		all.addAll(args);
		all.add("--server.port=" + port);
		return application.sources(OwnEventLoops.class).registerShutdownHook(false).run(all.toArray(String[]::new));
	}

	/**
	 * Points a service at its own {@code application.yml} and build info, those beside
	 * its application class (its {@code target/classes} or its jar): on this one class
	 * path every service's files have the same names, and the class path would give all
	 * four services the first one found.
	 * @param application the service's application class
	 * @return the settings that name its files
	 */
	static List<String> ownFiles(Class<?> application) {
		String location = application.getProtectionDomain().getCodeSource().getLocation().toString();
		String root = location.endsWith(".jar") ? "jar:" + location + "!/" : location;
		return List.of("--spring.config.location=" + root + "application.yml",
				"--spring.info.build.location=" + root + "META-INF/build-info.properties");
	}

	/** Starts one service that is not running. */
	public void start(Service service) {
		if (!this.running.containsKey(service)) {
			long started = System.nanoTime();
			this.running.put(service, inGroupOf(service, "start", this.starters.get(service)));
			this.progress.accept(String.format(Locale.ROOT, "%-8s started in %4.1f s, port %d",
					service.name().toLowerCase(Locale.ROOT), (System.nanoTime() - started) / 1e9, port(service)));
		}
	}

	/** Stops one service, as a crash or a deployment would. */
	public void stop(Service service) {
		ConfigurableApplicationContext context = this.running.remove(service);
		if (context != null) {
			inGroupOf(service, "stop", () -> {
				context.close();
				return null;
			});
		}
	}

	/**
	 * Runs {@code work} on a thread of the service's own thread group, and so every
	 * thread the service makes while it starts: in the one logging system of this JVM the
	 * group tells which service wrote a line ({@link ServiceConverter}).
	 */
	private <T> T inGroupOf(Service service, String what, Supplier<T> work) {
		String name = service.name().toLowerCase(Locale.ROOT);
		ThreadGroup group = this.groups.computeIfAbsent(service,
				(key) -> new ThreadGroup(ServiceConverter.GROUP_PREFIX + name));
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread thread = new Thread(group, () -> {
			try {
				result.set(work.get());
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		}, name + "-" + what);
		thread.start();
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while " + name + " was " + what + "ing", ex);
		}
		Throwable failed = failure.get();
		if (failed instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failed instanceof Error error) {
			throw error;
		}
		if (failed != null) {
			throw new IllegalStateException(name + " failed to " + what, failed);
		}
		return result.get();
	}

	public int port(Service service) {
		ConfigurableApplicationContext context = Objects.requireNonNull(this.running.get(service),
				() -> service + " is not running");
		return Integer.parseInt(Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port")));
	}

	/** Where a service's actuator answers: the gateway's is off its public port. */
	public int managementPort(Service service) {
		ConfigurableApplicationContext context = Objects.requireNonNull(this.running.get(service),
				() -> service + " is not running");
		String management = context.getEnvironment().getProperty("local.management.port");
		return (management != null) ? Integer.parseInt(management) : port(service);
	}

	public String gatewayUrl() {
		return "http://127.0.0.1:" + port(Service.GATEWAY);
	}

	/**
	 * Stops the services, the gateway first so that no request arrives at a stopped
	 * intake.
	 */
	@Override
	public void close() {
		List<Service> started = new ArrayList<>(this.running.keySet());
		for (int i = started.size() - 1; i >= 0; i--) {
			stop(started.get(i));
		}
	}

}
