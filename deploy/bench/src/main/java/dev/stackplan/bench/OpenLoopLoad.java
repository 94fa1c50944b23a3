package dev.stackplan.bench;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.timeout.ReadTimeoutException;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * An open-loop constant-rate load against one HTTP target. Request {@code i} has the
 * intended send time {@code start + i / rate}, whatever the answers before it did; its
 * latency is measured from that intended time, so a server that stalls is charged for
 * every request that should have been sent meanwhile (no coordinated omission). The
 * client is non-blocking with a bounded connection pool and a bounded queue in front of
 * it: a request that finds the queue full fails at once and is counted, never delayed out
 * of the schedule. Every phase is bounded in count (rate x seconds) and in time (the
 * schedule plus the request timeout).
 */
final class OpenLoopLoad implements AutoCloseable {

	private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

	/** Headroom before the first intended send, so request 0 is not late by design. */
	private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	/** Time after the last request's timeout allowed for the client to report it. */
	private static final Duration REPORTING_GRACE = Duration.ofSeconds(5);

	private static final Pattern PLAN_ID = Pattern.compile("\"planId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

	private static final byte[] EMPTY = new byte[0];

	/**
	 * What is loaded.
	 *
	 * @param name how the report names it
	 * @param baseUrl scheme, host and port
	 * @param path the request path
	 * @param apiKey sent as {@code Authorization: Bearer}; peers ignore it but get the
	 * same bytes
	 * @param expectedStatus the status that counts as accepted
	 */
	record Target(String name, String baseUrl, String path, String apiKey, int expectedStatus) {

	}

	/**
	 * A request accepted by the platform.
	 *
	 * @param planId the plan id of its answer
	 * @param intended when it was meant to be sent
	 */
	record TrackedPlan(String planId, Instant intended) {

	}

	private final Target target;

	private final ConnectionProvider provider;

	private final HttpClient client;

	private final Duration requestTimeout;

	OpenLoopLoad(Target target, BenchSettings settings, LoopResources loops) {
		this.target = target;
		this.requestTimeout = Duration.ofMillis(settings.requestTimeoutMs());
		// idle connections are closed before uvicorn's 5 s keep-alive would close them
		// under a request
		this.provider = ConnectionProvider.builder("bench-" + target.name())
			.maxConnections(settings.connections())
			.pendingAcquireMaxCount(settings.maxPending())
			.pendingAcquireTimeout(this.requestTimeout)
			.maxIdleTime(Duration.ofSeconds(3))
			.build();
		this.client = HttpClient.create(this.provider)
			.runOn(loops)
			.baseUrl(target.baseUrl())
			.responseTimeout(this.requestTimeout)
			.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + target.apiKey()));
	}

	Target target() {
		return this.target;
	}

	/** Starts a phase on its own scheduling thread. */
	Running start(String phase, int rate, int seconds, PlanBodies bodies, boolean track) {
		Running running = new Running(phase, rate, seconds, bodies, track);
		Thread scheduler = new Thread(running::schedule, "bench-" + this.target.name() + "-" + phase);
		scheduler.setDaemon(true);
		scheduler.start();
		return running;
	}

	/** Runs a phase and waits for it. */
	LoadResult run(String phase, int rate, int seconds, PlanBodies bodies) {
		return start(phase, rate, seconds, bodies, false).await();
	}

	@Override
	public void close() {
		this.provider.disposeLater().block(Duration.ofSeconds(10));
	}

	private record Reply(int status, byte[] body) {

	}

	/** One phase in progress. */
	final class Running {

		private final String phase;

		private final int rate;

		private final int seconds;

		private final PlanBodies bodies;

		private final int total;

		private final CountDownLatch ended;

		private final AtomicLong accepted = new AtomicLong();

		private final AtomicLong sent = new AtomicLong();

		private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

		private final Recorder acceptLatency = new Recorder(3);

		private final Recorder allLatency = new Recorder(3);

		private final String @Nullable [] planIds;

		private final long @Nullable [] intendedMicros;

		private final long startNanos;

		private final Instant startInstant;

		private volatile long maxLagNanos;

		private Running(String phase, int rate, int seconds, PlanBodies bodies, boolean track) {
			this.phase = phase;
			this.rate = rate;
			this.seconds = seconds;
			this.bodies = bodies;
			this.total = Math.toIntExact((long) rate * seconds);
			this.ended = new CountDownLatch(this.total);
			this.planIds = track ? new String[this.total] : null;
			this.intendedMicros = track ? new long[this.total] : null;
			this.startNanos = System.nanoTime() + START_DELAY_NANOS;
			this.startInstant = Instant.now().plusNanos(START_DELAY_NANOS);
		}

		/** When request 0 was meant to be sent. */
		Instant startedAt() {
			return this.startInstant;
		}

		long acceptedSoFar() {
			return this.accepted.get();
		}

		private void schedule() {
			long lag = 0;
			for (int i = 0; i < this.total; i++) {
				long intended = this.startNanos + (long) i * NANOS_PER_SECOND / this.rate;
				long now = System.nanoTime();
				while (now < intended) {
					LockSupport.parkNanos(intended - now);
					now = System.nanoTime();
				}
				lag = Math.max(lag, now - intended);
				if (this.intendedMicros != null) {
					this.intendedMicros[i] = (intended - this.startNanos) / 1000;
				}
				send(i, intended);
				this.maxLagNanos = lag;
			}
		}

		private void send(int index, long intended) {
			byte[] body = this.bodies.get(index);
			this.sent.incrementAndGet();
			OpenLoopLoad.this.client.post()
				.uri(OpenLoopLoad.this.target.path())
				.send(Mono.fromCallable(() -> Unpooled.wrappedBuffer(body)))
				.responseSingle((response, content) -> content.asByteArray()
					.defaultIfEmpty(EMPTY)
					.map((bytes) -> new Reply(response.status().code(), bytes)))
				.timeout(OpenLoopLoad.this.requestTimeout)
				.subscribe((reply) -> answered(index, intended, reply), (error) -> failed(intended, error));
		}

		private void answered(int index, long intended, Reply reply) {
			long micros = (System.nanoTime() - intended) / 1000;
			this.allLatency.recordValue(micros);
			count(Integer.toString(reply.status()));
			if (reply.status() == OpenLoopLoad.this.target.expectedStatus()) {
				this.acceptLatency.recordValue(micros);
				if (this.planIds != null) {
					Matcher matcher = PLAN_ID.matcher(new String(reply.body(), StandardCharsets.UTF_8));
					this.planIds[index] = matcher.find() ? matcher.group(1) : null;
				}
				this.accepted.incrementAndGet();
			}
			this.ended.countDown();
		}

		private void failed(long intended, Throwable error) {
			this.allLatency.recordValue((System.nanoTime() - intended) / 1000);
			count(kind(error));
			this.ended.countDown();
		}

		private void count(String outcome) {
			this.outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
		}

		/** Waits for the schedule and every answer, bounded by the request timeout. */
		LoadResult await() {
			Duration bound = Duration.ofSeconds(this.seconds)
				.plus(OpenLoopLoad.this.requestTimeout)
				.plus(REPORTING_GRACE);
			try {
				if (!this.ended.await(bound.toMillis() + TimeUnit.NANOSECONDS.toMillis(START_DELAY_NANOS),
						TimeUnit.MILLISECONDS)) {
					this.outcomes.computeIfAbsent("unanswered", (key) -> new LongAdder()).add(this.ended.getCount());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for the load", ex);
			}
			Map<String, Long> counts = new TreeMap<>();
			this.outcomes.forEach((key, value) -> counts.put(key, value.sum()));
			long acceptedCount = this.accepted.get();
			return new LoadResult(OpenLoopLoad.this.target.name(), this.phase, this.rate, this.seconds, this.total,
					this.sent.get(), acceptedCount, ratio(acceptedCount, this.total),
					ratio(acceptedCount, this.seconds), counts,
					Percentiles.ofMicros(this.acceptLatency.getIntervalHistogram()),
					Percentiles.ofMicros(this.allLatency.getIntervalHistogram()), this.maxLagNanos / 1_000_000.0,
					Map.of());
		}

		/** The accepted plans with their intended send times; after {@link #await()}. */
		List<TrackedPlan> tracked() {
			List<TrackedPlan> plans = new ArrayList<>();
			if (this.planIds == null || this.intendedMicros == null) {
				return plans;
			}
			for (int i = 0; i < this.total; i++) {
				if (this.planIds[i] != null) {
					plans.add(new TrackedPlan(this.planIds[i],
							this.startInstant.plus(this.intendedMicros[i], ChronoUnit.MICROS)));
				}
			}
			return plans;
		}

	}

	private static double ratio(long count, long of) {
		return (of == 0) ? 0 : Math.round(count * 1_000_000.0 / of) / 1_000_000.0;
	}

	private static String kind(Throwable error) {
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause) {
			if (cause instanceof TimeoutException || cause instanceof PoolAcquirePendingLimitException
					|| cause instanceof PoolAcquireTimeoutException || cause instanceof ConnectException) {
				break;
			}
			cause = cause.getCause();
		}
		if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException) {
			return "timeout";
		}
		if (cause instanceof PoolAcquirePendingLimitException) {
			return "client-queue-full";
		}
		if (cause instanceof PoolAcquireTimeoutException) {
			return "client-pool-timeout";
		}
		if (cause instanceof ConnectException) {
			return "connect-error";
		}
		if (cause instanceof PrematureCloseException) {
			return "premature-close";
		}
		return cause.getClass().getSimpleName();
	}

}
