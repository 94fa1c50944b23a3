package dev.stackplan.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.stackplan.reliability.PlanTraffic.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must show (2): the run command ({@code deploy/local/run.sh}'s JVM, LocalPlatform, with
 * its Kafka child and its embedded Postgres) killed with SIGKILL, then started again on
 * the same data directory: nothing of the first run survives, one broker runs on the log,
 * and consumers resume at once (a plan posted right after "ready" completes in 10 s).
 */
class RunCommandCrashReliabilityIT {

	private static final int BASE_PORT = Integer.getInteger("reliability.runCommandBasePort", 25000);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration CONSUMERS_RESUME = Duration.ofSeconds(10);

	private static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g");

	private static final Path DATA = SharedPlatform.freshDirectory("run-command");

	private static final PlatformProcesses.Ports PORTS = PlatformProcesses.Ports.from(BASE_PORT);

	private static final List<Process> STARTED = new ArrayList<>();

	@AfterAll
	static void stopEverythingOfBothRuns() {
		STARTED.forEach((process) -> OsProcesses.end(List.of(process.toHandle()), Duration.ofSeconds(60)));
		OsProcesses.end(OsProcesses.ofDirectory(DATA), Duration.ofSeconds(30));
		assertThat(OsProcesses.ofDirectory(DATA)).as("processes left in %s", DATA).isEmpty();
	}

	@Test
	void aRunCommandKilledWithSigkillStartsAgainWithoutOrphansOnOneBrokerAndConsumersResume() {
		Process first = start("first");
		awaitReady(first, "first");
		long firstPid = first.pid();
		List<ProcessHandle> firstRun = OsProcesses.ofDirectory(DATA);
		first.toHandle().descendants().forEach((child) -> {
			if (!firstRun.contains(child)) {
				firstRun.add(child);
			}
		});
		assertThat(firstRun).as("the first run's broker and database processes").hasSizeGreaterThanOrEqualTo(2);

		first.destroyForcibly();
		OsProcesses.sleep(Duration.ofSeconds(1));
		assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

		Process second = start("second");
		awaitReady(second, "second");
		Answer afterReady = postRightAfterReady();

		assertThat(
				firstRun.stream().filter(ProcessHandle::isAlive).map(RunCommandCrashReliabilityIT::describe).toList())
			.as("processes of the first run still alive after the second started")
			.isEmpty();
		assertThat(brokersOnTheLog()).as("Kafka brokers on %s", DATA.resolve("kafka")).hasSize(1);
		assertThat(afterReady.status())
			.as("POST right after ready: %s after %s ms, %s", afterReady.failure(), afterReady.latency().toMillis(),
					afterReady.responseBody())
			.isEqualTo(202);
		UUID planId = afterReady.planId();
		assertThat(new PlanLedger("jdbc:postgresql://127.0.0.1:" + PORTS.postgres() + "/postgres")
			.awaitComplete(List.of(planId), CONSUMERS_RESUME)
			.get(planId)).as("a plan posted right after ready, %s later", CONSUMERS_RESUME)
			.isEqualTo(PlanLedger.COMPLETE);
	}

	private static Answer postRightAfterReady() {
		try (PlanTraffic traffic = new PlanTraffic("http://127.0.0.1:" + PORTS.gateway(), SharedPlatform.DEMO_KEY)) {
			return traffic.send(UUID.randomUUID().toString(), PlanRequests.varied(7));
		}
	}

	private static List<String> brokersOnTheLog() {
		String config = DATA.resolve("kafka/server.properties").toAbsolutePath().toString();
		return ProcessHandle.allProcesses()
			.filter(ProcessHandle::isAlive)
			.map(ProcessHandle::pid)
			.map((pid) -> pid + " " + OsProcesses.commandLine(pid))
			.filter((line) -> line.contains("kafka.Kafka") && line.contains(config))
			.toList();
	}

	private static String describe(ProcessHandle process) {
		return process.pid() + " " + OsProcesses.commandLine(process.pid());
	}

	private static Process start(String name) {
		Path root = SharedPlatform.root();
		List<String> command = new ArrayList<>();
		command.add(PlatformProcesses.java());
		command.addAll(JVM_FLAGS);
		command.addAll(List.of("-cp",
				root.resolve("deploy/local/target/classes") + ":" + root.resolve("deploy/local/target/lib") + "/*",
				"dev.stackplan.local.LocalPlatform"));
		try {
			Files.createDirectories(DATA);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log(name).toFile());
			Map<String, String> environment = builder.environment();
			environment.remove("STACKPLAN_DB_HOST");
			environment.put("STACKPLAN_DATA_DIR", DATA.toString());
			environment.put("KAFKA_PORT", Integer.toString(PORTS.kafka()));
			environment.put("KAFKA_CONTROLLER_PORT", Integer.toString(PORTS.kafkaController()));
			environment.put("STACKPLAN_EMBEDDED_DB_PORT", Integer.toString(PORTS.postgres()));
			environment.put("GATEWAY_PORT", Integer.toString(PORTS.gateway()));
			environment.put("GATEWAY_MANAGEMENT_PORT", Integer.toString(PORTS.gatewayManagement()));
			environment.put("INTAKE_PORT", Integer.toString(PORTS.intake()));
			environment.put("SCORING_PORT", Integer.toString(PORTS.scoring()));
			environment.put("COSTING_PORT", Integer.toString(PORTS.costing()));
			Process process = builder.start();
			STARTED.add(process);
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path log(String name) {
		return DATA.resolveSibling("run-command-" + name + ".log");
	}

	private static void awaitReady(Process process, String name) {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (true) {
			String output;
			try {
				output = Files.exists(log(name)) ? Files.readString(log(name)) : "";
			}
			catch (IOException ex) {
				output = "";
			}
			if (output.contains("[stackplan] ready in")) {
				return;
			}
			assertThat(process.isAlive())
				.as("the %s run is alive while starting; its output:\n%s", name, PlatformProcesses.tail(log(name)))
				.isTrue();
			assertThat(System.nanoTime())
				.as("the %s run ready within %s; its output:\n%s", name, START_TIMEOUT,
						PlatformProcesses.tail(log(name)))
				.isLessThan(deadline);
			OsProcesses.sleep(Duration.ofMillis(250));
		}
	}

}
