package dev.stackplan.kit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * Looks at each dependency in the background and remembers what it saw, so that a request
 * asks a field, not the network: with the broker or the database away, a POST is refused
 * in microseconds, readiness reports DOWN at once, and nothing waits for a dead peer.
 * Only the looks decide: one slow request under load says nothing of the dependency, and
 * refusing everyone for it would turn a slow moment into an outage.
 */
public class DependencyWatch implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(DependencyWatch.class);

	/** One look at a dependency: completes when it answered, fails otherwise. */
	@FunctionalInterface
	public interface Check {

		Mono<?> look();

	}

	/**
	 * What the last look at a dependency found.
	 *
	 * @param available it answered within the bound
	 * @param reason why not, for readiness and logs; null while available
	 */
	public record State(boolean available, String reason) {

	}

	private static final String NOT_LOOKED_AT = "not looked at yet";

	private final Map<Dependency, Check> checks;

	private final DependencyProperties properties;

	private final Map<Dependency, State> states = new ConcurrentHashMap<>();

	private volatile ScheduledExecutorService scheduler;

	private final List<Runnable> warmUps;

	public DependencyWatch(Map<Dependency, Check> checks, DependencyProperties properties) {
		this(checks, List.of(), properties);
	}

	/**
	 * @param checks how each dependency is looked at
	 * @param warmUps run once at start, before the first look and the first request
	 * @param properties the bounds
	 */
	public DependencyWatch(Map<Dependency, Check> checks, List<Runnable> warmUps, DependencyProperties properties) {
		this.warmUps = List.copyOf(warmUps);
		this.checks = new EnumMap<>(Dependency.class);
		this.checks.putAll(checks);
		this.properties = properties;
		// unknown until looked at: a service starting is not ready before its first look
		checks.keySet().forEach((dependency) -> this.states.put(dependency, new State(false, NOT_LOOKED_AT)));
	}

	public State state(Dependency dependency) {
		return this.states.getOrDefault(dependency, new State(true, null));
	}

	/**
	 * @throws DependencyUnavailableException when any of them is away
	 */
	public void require(Dependency... dependencies) {
		for (Dependency dependency : dependencies) {
			State state = state(dependency);
			if (!state.available()) {
				throw new DependencyUnavailableException(dependency, this.properties.retryAfter(), null);
			}
		}
	}

	/**
	 * Bounds one request-path call to a dependency: past the request timeout it fails
	 * with {@link DependencyUnavailableException}, a 503 with {@code Retry-After}.
	 */
	public <T> Mono<T> bounded(Dependency dependency, Mono<T> call) {
		// no cause: controller advice would match the TimeoutException and name the wrong
		// dependency
		return call.timeout(this.properties.requestTimeout())
			.onErrorMap(TimeoutException.class,
					(ex) -> new DependencyUnavailableException(dependency, this.properties.retryAfter(), null));
	}

	/** Looks at every dependency once, each within the check timeout. */
	void lookAtAll() {
		Duration timeout = this.properties.checkTimeout();
		this.checks.forEach((dependency, check) -> {
			State seen;
			try {
				check.look().timeout(timeout).block(timeout.plus(timeout));
				seen = new State(true, null);
			}
			catch (RuntimeException ex) {
				seen = new State(false, reasonOf(ex, timeout));
			}
			record(dependency, seen);
		});
	}

	private static String reasonOf(Throwable ex, Duration timeout) {
		Throwable cause = ex;
		while (cause.getCause() != null && !(cause instanceof TimeoutException)) {
			cause = cause.getCause();
		}
		return (cause instanceof TimeoutException || cause.getMessage() == null)
				? "did not answer within " + timeout.toMillis() + " ms" : cause.getMessage();
	}

	private void record(Dependency dependency, State seen) {
		State before = this.states.put(dependency, seen);
		if (before != null && before.available() != seen.available() && !NOT_LOOKED_AT.equals(before.reason())) {
			if (seen.available()) {
				logger.info(capitalized(dependency) + " is back");
			}
			else {
				logger.warn(capitalized(dependency) + " is away: " + seen.reason());
			}
		}
	}

	private static String capitalized(Dependency dependency) {
		String text = dependency.description();
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "dependency-watch");
			thread.setDaemon(true);
			return thread;
		});
		this.warmUps.forEach(Runnable::run);
		lookAtAll();
		executor.scheduleWithFixedDelay(this::lookAtAllSafely, this.properties.checkInterval().toMillis(),
				this.properties.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
		this.scheduler = executor;
	}

	private void lookAtAllSafely() {
		try {
			lookAtAll();
		}
		catch (RuntimeException ex) {
			logger.warn("Looking at the dependencies failed", ex);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.scheduler;
		this.scheduler = null;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	/**
	 * Before the web server, which starts in an earlier phase than most beans: the first
	 * request must find the dependencies already looked at, not refused as unknown. And
	 * so it stops after the server closed.
	 */
	@Override
	public int getPhase() {
		return BeforeWebServer.WEB_SERVER_PHASE - 1;
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
