package dev.stackplan.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run command as a person meets it: the launcher ({@link LocalPlatform}, what
 * {@code deploy/local/run.sh} starts) in a process of its own, on a first start in an
 * empty data directory. Its console up to "ready" fits on one screen, one line per
 * component and the block of where things are; its log file names, on every line, the
 * service that wrote it; every service's {@code /actuator/info} names that service.
 */
class RunConsoleEndToEndTests {

	private static final int SCREEN = 40;

	private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

	/** A log line: time, level, then the service in brackets. */
	private static final Pattern LOG_LINE = Pattern
		.compile("^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\s+[A-Z]+ \\[(gateway|intake|scoring|costing|platform)\\] .*");

	@Test
	void aFirstStartPrintsOneScreenUpToReadyAndEveryLogLineNamesItsService(@TempDir Path data) throws Exception {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (String name : List.of("GATEWAY_PORT", "GATEWAY_MANAGEMENT_PORT", "INTAKE_PORT", "SCORING_PORT",
				"COSTING_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "STACKPLAN_EMBEDDED_DB_PORT")) {
			ports.put(name, freePort());
		}
		ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g", "-cp", System.getProperty("java.class.path"), LocalPlatform.class.getName())
			.redirectErrorStream(true);
		command.environment().put("STACKPLAN_DATA_DIR", data.toString());
		command.environment().remove("STACKPLAN_DB_HOST");
		ports.forEach((name, port) -> command.environment().put(name, Integer.toString(port)));
		Process launcher = command.start();
		List<String> console = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> read(launcher, console), "launcher-console");
		reader.setDaemon(true);
		reader.start();
		try {
			long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
			while (console.stream().noneMatch((line) -> line.startsWith("[stackplan] ready in"))) {
				assertThat(launcher.isAlive()).as("the launcher runs; its console:\n%s", String.join("\n", console))
					.isTrue();
				assertThat(System.nanoTime())
					.as("ready within %s; console:\n%s", START_TIMEOUT, String.join("\n", console))
					.isLessThan(deadline);
				Thread.sleep(200);
			}
			// the block after "ready": gateway, web page, docs, metrics, keys, logs
			Thread.sleep(1_000);
			List<String> shown = new ArrayList<>(console);
			int ready = indexOf(shown, "[stackplan] ready in");
			assertThat(ready + 1).as("lines up to ready:\n%s", String.join("\n", shown)).isLessThanOrEqualTo(SCREEN);
			assertThat(shown.subList(0, ready + 1))
				.as("launcher lines and warnings only up to ready:\n%s", String.join("\n", shown))
				.allMatch((line) -> line.startsWith("[stackplan] ") || LOG_LINE.matcher(line).matches());
			for (String service : List.of("scoring", "costing", "intake", "gateway")) {
				assertThat(shown).as("a line for %s", service)
					.anyMatch(
							(line) -> line.startsWith("[stackplan] " + service + " ") && line.contains(" started in "));
			}
			String gateway = "http://127.0.0.1:" + ports.get("GATEWAY_PORT");
			assertThat(String.join("\n", shown)).contains("web page  " + gateway + "/")
				.contains("API docs  " + gateway + "/docs")
				.contains("metrics   http://127.0.0.1:" + ports.get("GATEWAY_MANAGEMENT_PORT") + "/actuator/prometheus")
				.contains("API keys  demo-key")
				.contains("logs      " + data.resolve("logs").resolve("platform.log"));

			Map<String, Integer> actuators = Map.of("gateway", ports.get("GATEWAY_MANAGEMENT_PORT"), "intake",
					ports.get("INTAKE_PORT"), "scoring", ports.get("SCORING_PORT"), "costing",
					ports.get("COSTING_PORT"));
			HttpClient http = HttpClient.newHttpClient();
			for (Map.Entry<String, Integer> actuator : actuators.entrySet()) {
				String info = http
					.send(HttpRequest
						.newBuilder(URI.create("http://127.0.0.1:" + actuator.getValue() + "/actuator/info"))
						.timeout(Duration.ofSeconds(10))
						.build(), HttpResponse.BodyHandlers.ofString())
					.body();
				assertThat(info).as("/actuator/info of %s", actuator.getKey())
					.contains("\"name\":\"" + actuator.getKey() + "\"")
					.contains("\"artifact\":\"" + actuator.getKey() + "\"");
			}

			List<String> logged = Files.readAllLines(data.resolve("logs").resolve("platform.log"),
					StandardCharsets.UTF_8);
			List<String> starts = logged.stream().filter((line) -> line.matches("^\\d{4}-.*")).toList();
			assertThat(starts).as("log lines").isNotEmpty().allMatch((line) -> LOG_LINE.matcher(line).matches());
			for (String service : actuators.keySet()) {
				String application = Character.toUpperCase(service.charAt(0)) + service.substring(1) + "Application";
				assertThat(starts).as("%s's Spring lines are labelled %s", service, service)
					.filteredOn((line) -> line.contains("Started " + application))
					.singleElement()
					.satisfies((line) -> assertThat(service(line)).isEqualTo(service));
				assertThat(starts).as("Netty of %s is labelled %s", service, service)
					.filteredOn((line) -> line.contains("Netty started on port " + actuators.get(service) + " "))
					.singleElement()
					.satisfies((line) -> assertThat(service(line)).isEqualTo(service));
			}
		}
		finally {
			launcher.destroy();
			if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
				launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	private static String service(String line) {
		Matcher matcher = LOG_LINE.matcher(line);
		assertThat(matcher.matches()).isTrue();
		return matcher.group(1);
	}

	private static int indexOf(List<String> lines, String prefix) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith(prefix)) {
				return i;
			}
		}
		return -1;
	}

	private static void read(Process process, List<String> into) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				into.add(line);
			}
		}
		catch (IOException ex) {
			// the stream closes when the launcher is stopped: the console is complete
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
