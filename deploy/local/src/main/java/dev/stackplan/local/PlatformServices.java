package dev.stackplan.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.stackplan.costing.CostingApplication;
import dev.stackplan.gateway.GatewayApplication;
import dev.stackplan.intake.IntakeApplication;
import dev.stackplan.scoring.ScoringApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The four services, each its own Spring application context with its own port, in this
 * JVM. They share nothing but the broker and the database, exactly as separate processes
 * would. Used by the local platform and by the end-to-end tests.
 */
public final class PlatformServices implements AutoCloseable {

	private final List<ConfigurableApplicationContext> contexts;

	private final int gatewayPort;

	private PlatformServices(List<ConfigurableApplicationContext> contexts, int gatewayPort) {
		this.contexts = contexts;
		this.gatewayPort = gatewayPort;
	}

	/**
	 * Starts scoring, costing, intake and then the gateway, which needs intake's port.
	 * @param kafkaBootstrapServers the broker
	 * @param database the database
	 * @param ports the HTTP ports
	 * @param partitions partitions of every plan topic
	 * @param gatewayOverrides extra {@code --name=value} settings of the gateway
	 * @return the running services
	 */
	public static PlatformServices start(String kafkaBootstrapServers, DatabaseEndpoint database, ServicePorts ports,
			int partitions, String... gatewayOverrides) {
		List<ConfigurableApplicationContext> started = new ArrayList<>();
		try {
			List<String> common = List.of("--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
					"--stackplan.topics.partitions=" + partitions);
			started.add(run(ScoringApplication.application(), ports.scoring(), common));
			started.add(run(CostingApplication.application(), ports.costing(), common));
			List<String> withDatabase = new ArrayList<>(common);
			withDatabase.addAll(List.of("--spring.r2dbc.url=" + database.r2dbcUrl(),
					"--spring.r2dbc.username=" + database.user(), "--spring.r2dbc.password=" + database.password(),
					"--spring.flyway.url=" + database.jdbcUrl(), "--spring.flyway.user=" + database.user(),
					"--spring.flyway.password=" + database.password()));
			ConfigurableApplicationContext intake = run(IntakeApplication.application(), ports.intake(), withDatabase);
			started.add(intake);
			List<String> gatewayArgs = new ArrayList<>(withDatabase);
			gatewayArgs.add("--stackplan.gateway.intake-url=http://127.0.0.1:" + port(intake));
			gatewayArgs.add("--management.server.port=" + ports.gatewayManagement());
			gatewayArgs.addAll(List.of(gatewayOverrides));
			ConfigurableApplicationContext gateway = run(GatewayApplication.application(), ports.gateway(),
					gatewayArgs);
			started.add(gateway);
			return new PlatformServices(started, port(gateway));
		}
		catch (RuntimeException ex) {
			closeAll(started);
			throw ex;
		}
	}

	private static ConfigurableApplicationContext run(SpringApplicationBuilder application, int port,
			List<String> args) {
		List<String> all = new ArrayList<>(args);
		all.add("--server.port=" + port);
		return application.registerShutdownHook(false).run(all.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port")));
	}

	public int gatewayPort() {
		return this.gatewayPort;
	}

	public String gatewayUrl() {
		return "http://127.0.0.1:" + this.gatewayPort;
	}

	/**
	 * Stops the services, the gateway first so that no request arrives at a stopped
	 * intake.
	 */
	@Override
	public void close() {
		closeAll(this.contexts);
	}

	private static void closeAll(List<ConfigurableApplicationContext> contexts) {
		for (int i = contexts.size() - 1; i >= 0; i--) {
			contexts.get(i).close();
		}
	}

}
