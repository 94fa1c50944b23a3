package dev.stackplan.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of every scenario of this run, printed and written to
 * {@code deploy/reliability/target/reliability-report.md} as they come (a run that fails
 * half-way still leaves the scenarios it finished), for the README's Reliability section.
 */
final class ReliabilityReport {

	private static final Path FILE = Path.of(System.getProperty("reliability.report", "target/reliability-report.md"));

	private static final Instant STARTED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private static final List<String> ROWS = new ArrayList<>();

	private static final List<String> NOTES = new ArrayList<>();

	private ReliabilityReport() {
	}

	static synchronized void record(Tally tally) {
		System.out.println("[reliability] " + tally);
		ROWS.add("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |".formatted(tally.scenario(), tally.sent(),
				tally.accepted(), tally.completed(), tally.lost(), tally.duplicates(), tally.serverErrors(),
				tally.serviceUnavailable(), tally.refused() + tally.cutOff() + tally.timedOut(),
				tally.maxLatency().toMillis()));
		write();
	}

	/**
	 * A figure that is not plan traffic (memory, a count of hostile requests, a time).
	 */
	static synchronized void note(String scenario, String text) {
		System.out.println("[reliability] " + scenario + ": " + text);
		NOTES.add("- **" + scenario + "**: " + text);
		write();
	}

	private static void write() {
		StringBuilder out = new StringBuilder();
		out.append("# Reliability suite: the last run\n\n");
		out.append("Started ")
			.append(STARTED)
			.append(" on ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores; every service a JVM of its own (")
			.append(String.join(" ", PlatformProcesses.SERVICE_JVM_FLAGS))
			.append(").\n\n");
		out.append(
				"| scenario | sent | accepted | completed | lost | duplicates | 5xx | of which 503 | no answer | max latency ms |\n");
		out.append("|---|---|---|---|---|---|---|---|---|---|\n");
		ROWS.forEach((row) -> out.append(row).append('\n'));
		if (!NOTES.isEmpty()) {
			out.append('\n');
			NOTES.forEach((note) -> out.append(note).append('\n'));
		}
		out.append("\n\"accepted\" counts keys answered 202 on the first try or on a retry with the same")
			.append(" Idempotency-Key; \"no answer\" is refused connections, cut-off answers and timeouts.\n");
		try {
			Files.createDirectories(FILE.toAbsolutePath().getParent());
			Files.writeString(FILE, out.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
