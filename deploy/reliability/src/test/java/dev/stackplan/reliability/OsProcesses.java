package dev.stackplan.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the Linux kernel says about processes ({@code /proc}) and the signals a test sends
 * them: the tests judge orphans, freezes and memory by what runs, not by what a launcher
 * believes it started.
 */
final class OsProcesses {

	private static final Path PROC = Path.of("/proc");

	private static final long KIB = 1024;

	private OsProcesses() {
	}

	/** The full command line (NUL-separated in the kernel), joined by spaces. */
	static String commandLine(long pid) {
		try {
			return new String(Files.readAllBytes(PROC.resolve(pid + "/cmdline")), StandardCharsets.UTF_8).replace('\0',
					' ');
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * The working directory: Postgres' backends retitle their command line but stay in
	 * the data directory.
	 */
	static Optional<Path> workingDirectory(long pid) {
		try {
			return Optional.of(Files.readSymbolicLink(PROC.resolve(pid + "/cwd")));
		}
		catch (IOException | UnsupportedOperationException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Every live process that belongs to a directory: its command line names it or it
	 * runs inside it.
	 */
	static List<ProcessHandle> ofDirectory(Path directory) {
		String name = directory.toAbsolutePath().normalize().toString();
		return ProcessHandle.allProcesses()
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.pid() != ProcessHandle.current().pid())
			.filter((process) -> commandLine(process.pid()).contains(name)
					|| workingDirectory(process.pid()).map((cwd) -> cwd.startsWith(name)).orElse(false))
			.collect(Collectors.toList());
	}

	/** Resident memory of a process, from {@code VmRSS} in {@code /proc/<pid>/status}. */
	static long residentBytes(long pid) {
		try {
			for (String line : Files.readAllLines(PROC.resolve(pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) * KIB;
				}
			}
		}
		catch (IOException ex) {
			// gone
		}
		return 0;
	}

	/**
	 * Sends a signal by name ({@code STOP}, {@code CONT}, {@code KILL}, {@code TERM}).
	 */
	static void signal(String signal, List<Long> pids) {
		if (pids.isEmpty()) {
			return;
		}
		// the shell's own kill: no procps package needed on a fresh machine
		String pidList = String.join(" ", pids.stream().map(String::valueOf).toList());
		try {
			Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + pidList).redirectErrorStream(true)
				.start();
			if (!kill.waitFor(10, TimeUnit.SECONDS)) {
				kill.destroyForcibly();
				throw new IllegalStateException("kill -" + signal + " did not return");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("kill -" + signal + " " + pids, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The process and everything below it, parents first. */
	static List<Long> withDescendants(long pid) {
		List<Long> pids = new ArrayList<>();
		ProcessHandle.of(pid).ifPresent((process) -> {
			pids.add(process.pid());
			process.descendants().forEach((child) -> pids.add(child.pid()));
		});
		return pids;
	}

	/** Ends processes: TERM, a grace, then KILL whatever is left. */
	static void end(List<ProcessHandle> processes, Duration grace) {
		processes.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + grace.toNanos();
		for (ProcessHandle process : processes) {
			while (process.isAlive() && System.nanoTime() < deadline) {
				sleep(Duration.ofMillis(100));
			}
			if (process.isAlive()) {
				process.destroyForcibly();
			}
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(Math.max(0, duration.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
