package dev.stackplan.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes a run starts for itself (the broker, the database), found again by the
 * pid file each leaves in its data directory: a start after a crash ends what the crashed
 * run left, instead of adopting it or starting a second one on the same files.
 */
final class OwnProcesses {

	private static final Duration GRACE = Duration.ofSeconds(30);

	private OwnProcesses() {
	}

	/**
	 * Child processes are started in a session of their own where {@code setsid} exists,
	 * so a Ctrl-C in the terminal reaches only the run command, which then stops them in
	 * order.
	 */
	static List<String> ownSession(List<String> command) {
		List<String> full = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
			full.add("/usr/bin/setsid");
		}
		full.addAll(command);
		return full;
	}

	static void writePid(Path pidFile, long pid) {
		try {
			Files.writeString(pidFile, pid + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + pidFile, ex);
		}
	}

	/**
	 * Ends the process named by the pid file's first line if it still runs and its
	 * command line names {@code marker} (so a recycled pid of someone else's process is
	 * left alone): SIGTERM, then SIGKILL after a grace period.
	 * @return the pid that was ended, if any
	 */
	static Optional<Long> endLeftover(Path pidFile, String marker) {
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		long pid;
		try {
			String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
			if (first.isEmpty() || !first.chars().allMatch(Character::isDigit)) {
				return Optional.empty();
			}
			pid = Long.parseLong(first);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty() || !commandLine(pid).contains(marker)) {
			return Optional.empty();
		}
		ProcessHandle leftover = process.get();
		leftover.destroy();
		try {
			leftover.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			leftover.destroyForcibly();
			leftover.onExit().join();
		}
		return Optional.of(pid);
	}

	/** The full command line from /proc (Linux), empty where there is none. */
	static String commandLine(long pid) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
		}
		catch (IOException ex) {
			return ProcessHandle.of(pid).flatMap((handle) -> handle.info().commandLine()).orElse("");
		}
	}

}
