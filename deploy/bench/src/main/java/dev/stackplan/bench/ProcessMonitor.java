package dev.stackplan.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPU and RSS of the measured processes from {@code /proc}: each named process counts
 * with its descendants (the broker launcher's broker, uvicorn's and nginx's workers, the
 * embedded Postgres' backends). RSS is sampled; a tree's peak is the largest sampled sum
 * (shared pages count once per process, as in {@code ps}), and a single process' own peak
 * is also read from {@code VmHWM}.
 */
final class ProcessMonitor implements AutoCloseable {

	private static final Path PROC = Path.of("/proc");

	private static final long KIB = 1024;

	/**
	 * utime and stime are fields 14 and 15 of /proc/pid/stat; 0-based after "pid (comm)".
	 */
	private static final int UTIME_AFTER_COMM = 11;

	private static final int PPID_AFTER_COMM = 1;

	private final Map<String, Long> roots;

	private final int clockTicks;

	private final Map<String, Long> peakRss = new ConcurrentHashMap<>();

	private final Map<String, Long> startTicks;

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "bench-process-sampler");
		thread.setDaemon(true);
		return thread;
	});

	ProcessMonitor(Map<String, Long> roots, int clockTicks, int sampleIntervalMs) {
		this.roots = new LinkedHashMap<>(roots);
		this.roots.put("load-generator", ProcessHandle.current().pid());
		this.clockTicks = clockTicks;
		this.startTicks = ticks();
		this.sampler.scheduleAtFixedRate(this::sample, 0, sampleIntervalMs, TimeUnit.MILLISECONDS);
	}

	/**
	 * One process tree over the run.
	 *
	 * @param name the name the script gave it
	 * @param pid its root process
	 * @param processes processes in its tree at the end
	 * @param cpuSeconds user + system CPU of the tree during the measurement
	 * @param cpuSecondsSinceStart the same since each process started (start-up included)
	 * @param peakRssMb the largest sampled RSS of the tree
	 * @param finalRssMb the tree's RSS at the end
	 * @param rootPeakRssMb VmHWM of the root process
	 * @param alive whether the root process was still running at the end
	 */
	record ProcessUsage(String name, long pid, int processes, double cpuSeconds, double cpuSecondsSinceStart,
			double peakRssMb, double finalRssMb, double rootPeakRssMb, boolean alive) {

	}

	/** CPU ticks of each tree now, to be subtracted from a later snapshot. */
	Map<String, Long> ticks() {
		Map<Long, List<Long>> children = children();
		Map<String, Long> ticks = new LinkedHashMap<>();
		this.roots.forEach(
				(name, pid) -> ticks.put(name, tree(pid, children).stream().mapToLong(ProcessMonitor::cpuTicks).sum()));
		return ticks;
	}

	/** CPU seconds each tree used since {@code before}. */
	Map<String, Double> cpuSince(Map<String, Long> before) {
		Map<String, Double> seconds = new LinkedHashMap<>();
		ticks().forEach((name, now) -> seconds.put(name, seconds(now - before.getOrDefault(name, 0L))));
		return seconds;
	}

	List<ProcessUsage> usage() {
		sample();
		Map<Long, List<Long>> children = children();
		Map<String, Long> now = ticks();
		List<ProcessUsage> usage = new ArrayList<>();
		this.roots.forEach((name, pid) -> {
			List<Long> tree = tree(pid, children);
			long rss = tree.stream().mapToLong((process) -> statusKib(process, "VmRSS:")).sum();
			usage.add(new ProcessUsage(name, pid, tree.size(), seconds(now.get(name) - this.startTicks.get(name)),
					seconds(now.get(name)), mb(this.peakRss.getOrDefault(name, 0L)), mb(rss * KIB),
					mb(statusKib(pid, "VmHWM:") * KIB), Files.exists(PROC.resolve(Long.toString(pid)))));
		});
		return usage;
	}

	/** Each tree's resident memory now, in MB. */
	Map<String, Double> rssNow() {
		Map<Long, List<Long>> children = children();
		Map<String, Double> rss = new LinkedHashMap<>();
		this.roots.forEach((name, pid) -> rss.put(name,
				mb(tree(pid, children).stream().mapToLong((process) -> statusKib(process, "VmRSS:")).sum() * KIB)));
		return rss;
	}

	private void sample() {
		Map<Long, List<Long>> children = children();
		this.roots.forEach((name, pid) -> {
			long rss = tree(pid, children).stream().mapToLong((process) -> statusKib(process, "VmRSS:")).sum() * KIB;
			this.peakRss.merge(name, rss, Math::max);
		});
	}

	private double seconds(long ticks) {
		return Math.round(ticks * 100.0 / this.clockTicks) / 100.0;
	}

	private static double mb(long bytes) {
		return Math.round(bytes * 10.0 / (KIB * KIB)) / 10.0;
	}

	private static List<Long> tree(long root, Map<Long, List<Long>> children) {
		List<Long> tree = new ArrayList<>();
		if (!Files.exists(PROC.resolve(Long.toString(root)))) {
			return tree;
		}
		Deque<Long> next = new ArrayDeque<>(List.of(root));
		while (!next.isEmpty()) {
			long pid = next.pop();
			tree.add(pid);
			next.addAll(children.getOrDefault(pid, List.of()));
		}
		return tree;
	}

	private static Map<Long, List<Long>> children() {
		Map<Long, List<Long>> children = new HashMap<>();
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
			for (Path process : processes) {
				String[] fields = statFields(Long.parseLong(process.getFileName().toString()));
				if (fields.length > PPID_AFTER_COMM) {
					children.computeIfAbsent(Long.parseLong(fields[PPID_AFTER_COMM]), (key) -> new ArrayList<>())
						.add(Long.parseLong(process.getFileName().toString()));
				}
			}
		}
		catch (IOException ex) {
			// a process list that cannot be read measures nothing; the report shows zeros
		}
		return children;
	}

	private static long cpuTicks(long pid) {
		String[] fields = statFields(pid);
		if (fields.length <= UTIME_AFTER_COMM + 1) {
			return 0;
		}
		return Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[UTIME_AFTER_COMM + 1]);
	}

	/** The fields of /proc/pid/stat after "pid (comm)"; the command may hold spaces. */
	private static String[] statFields(long pid) {
		try {
			String stat = Files.readString(PROC.resolve(pid + "/stat"));
			return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		}
		catch (IOException | RuntimeException ex) {
			// the process ended between listing and reading
			return new String[0];
		}
	}

	private static long statusKib(long pid, String field) {
		try {
			for (String line : Files.readAllLines(PROC.resolve(pid + "/status"))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// ended, or a kernel thread without memory fields
		}
		return 0;
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

}
