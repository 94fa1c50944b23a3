package dev.stackplan.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One platform of separate processes for every test class of the suite that leaves it
 * whole (it restarts what it killed): four JVMs start in about a minute on two cores, so
 * the suite starts them once. It lives in JUnit's root store and is closed after the last
 * class, failed or not; {@link #close()} then proves that no process of it is left.
 */
final class SharedPlatform implements BeforeAllCallback, AutoCloseable {

	/** Ports {@value} to {@value} + 93; below the ephemeral range. */
	static final int BASE_PORT = Integer.getInteger("reliability.basePort", 24000);

	/**
	 * Intake refuses new plans (503) beyond this backlog: low enough that the overload
	 * scenario reaches it, high enough that a service down for half a minute at the
	 * steady rate does not.
	 */
	static final int MAX_BACKLOG = 1500;

	static final String DEMO_KEY = "demo-key";

	static final String OTHER_KEY = "other-key";

	static final String ANALYST_KEY = "analyst-key";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

	private static volatile PlatformProcesses platform;

	/** JUnit's instance (the extension); the store holds a second one that closes. */
	public SharedPlatform() {
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(PlatformProcesses.class, (key) -> startShared(), SharedPlatform.class);
	}

	/** The running platform; a test class must be extended with this class. */
	static PlatformProcesses platform() {
		if (platform == null) {
			throw new IllegalStateException("annotate the test class with @ExtendWith(SharedPlatform.class)");
		}
		return platform;
	}

	static Path root() {
		return Path.of(System.getProperty("reliability.root", "../..")).toAbsolutePath().normalize();
	}

	/** A fresh directory under this module's target. */
	static Path freshDirectory(String name) {
		Path directory = root().resolve("deploy/reliability/target/" + name);
		if (Files.exists(directory)) {
			List<ProcessHandle> leftovers = OsProcesses.ofDirectory(directory);
			if (!leftovers.isEmpty()) {
				throw new IllegalStateException("processes of an earlier run still use " + directory + ": "
						+ leftovers.stream().map(ProcessHandle::pid).toList());
			}
			try (Stream<Path> files = Files.walk(directory)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return directory;
	}

	private static SharedPlatform startShared() {
		platform = PlatformProcesses.start(root(), freshDirectory("platform"), PlatformProcesses.Ports.from(BASE_PORT),
				Map.of("STACKPLAN_MAX_BACKLOG", Integer.toString(MAX_BACKLOG)),
				// the per-key token bucket (100/s) would answer most of the overload and
				// the
				// hostile requests with 429 before the pipeline or the validation is
				// reached
				List.of("--stackplan.gateway.rate-limit.requests-per-second=100000",
						"--stackplan.gateway.rate-limit.burst=100000"));
		return new SharedPlatform();
	}

	@Override
	public void close() {
		PlatformProcesses running = platform;
		platform = null;
		if (running == null) {
			return;
		}
		running.close();
		List<ProcessHandle> left = OsProcesses.ofDirectory(running.data());
		if (!left.isEmpty()) {
			throw new IllegalStateException("processes left after the suite: " + left.stream()
				.map((process) -> process.pid() + " " + OsProcesses.commandLine(process.pid()))
				.toList());
		}
		System.out.println("[reliability] shared platform stopped; no process left in " + running.data());
	}

}
