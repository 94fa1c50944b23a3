package dev.stackplan.reliability;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Open-loop plan requests at a constant rate: request {@code i} is due at
 * {@code start + i / rate} whatever the answers before it did, and its latency counts
 * from that moment, so a platform that stalls is charged for every request it kept
 * waiting. Every request has an {@code Idempotency-Key} of its own and is remembered with
 * its answer, so that a test can follow every accepted plan into the database and retry
 * what a careful client would retry.
 */
final class PlanTraffic implements AutoCloseable {

	/** Far beyond any bound a test asserts, so a hang shows as a latency, not a gap. */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

	private static final Pattern PLAN_ID = Pattern.compile("\"planId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

	private static final int HTTP_ACCEPTED = 202;

	private static final int FIRST_SERVER_ERROR = 500;

	/** How a request ended when no HTTP answer came. */
	enum Failure {

		/** Nothing listened on the port: the service was down, nothing was promised. */
		REFUSED,
		/**
		 * The connection ended before a whole answer: an accepted plan may be behind it.
		 */
		CUT_OFF,
		/** No answer within {@link #REQUEST_TIMEOUT}. */
		TIMED_OUT

	}

	/**
	 * One request and how it ended.
	 *
	 * @param idempotencyKey its key
	 * @param body what was sent
	 * @param due when it was meant to be sent
	 * @param latency from due to answer (or failure)
	 * @param status the HTTP status, 0 without an answer
	 * @param failure why there was no answer, or null
	 * @param planId the plan id of a 202, else null
	 * @param retryAfter the {@code Retry-After} header, or null
	 * @param contentType the {@code Content-Type} header, or null
	 * @param responseBody the answer's body (empty without one)
	 */
	record Answer(String idempotencyKey, String body, Instant due, Duration latency, int status, Failure failure,
			UUID planId, String retryAfter, String contentType, String responseBody) {

		boolean accepted() {
			return this.status == HTTP_ACCEPTED && this.planId != null;
		}

		boolean serverError() {
			return this.status >= FIRST_SERVER_ERROR;
		}

		/**
		 * What a careful client retries with the same key: no answer, or one that says
		 * try again (429, 5xx, 409 while the first attempt is in flight).
		 */
		boolean worthRetrying() {
			return this.status == 0 || this.status == 409 || this.status == 429 || this.status >= FIRST_SERVER_ERROR;
		}

		boolean dueWithin(Instant from, Instant to) {
			return !this.due.isBefore(from) && this.due.isBefore(to);
		}

	}

	private final HttpClient http;

	private final ExecutorService executor = Executors.newFixedThreadPool(4, (runnable) -> {
		Thread thread = new Thread(runnable, "plan-traffic");
		thread.setDaemon(true);
		return thread;
	});

	private final String gatewayUrl;

	private final String apiKey;

	PlanTraffic(String gatewayUrl, String apiKey) {
		this.gatewayUrl = gatewayUrl;
		this.apiKey = apiKey;
		this.http = HttpClient.newBuilder()
			.executor(this.executor)
			.connectTimeout(Duration.ofSeconds(2))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/** Starts sending at a constant rate until {@link Run#stop()}. */
	Run start(String name, int ratePerSecond) {
		Run run = new Run(ratePerSecond);
		Thread scheduler = new Thread(run::schedule, "plan-traffic-" + name);
		scheduler.setDaemon(true);
		run.scheduler = scheduler;
		scheduler.start();
		return run;
	}

	/** One request now, waited for. */
	Answer send(String idempotencyKey, String body) {
		return send(idempotencyKey, body, Instant.now(), System.nanoTime()).join();
	}

	/**
	 * Retries, with the same key and body, every request that ended without a final
	 * answer, until each gets one or the deadline passes; the result holds every attempt.
	 */
	List<Answer> retryUntilSettled(List<Answer> answers, Duration within) {
		Map<String, Answer> latest = answers.stream()
			.collect(Collectors.toMap(Answer::idempotencyKey, (answer) -> answer, (a, b) -> b));
		List<Answer> attempts = new ArrayList<>();
		long deadline = System.nanoTime() + within.toNanos();
		Set<String> open = latest.values()
			.stream()
			.filter(Answer::worthRetrying)
			.map(Answer::idempotencyKey)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		while (!open.isEmpty() && System.nanoTime() < deadline) {
			for (String key : List.copyOf(open)) {
				Answer retry = send(key, latest.get(key).body());
				attempts.add(retry);
				if (!retry.worthRetrying()) {
					open.remove(key);
				}
			}
			if (!open.isEmpty()) {
				OsProcesses.sleep(Duration.ofSeconds(1));
			}
		}
		return attempts;
	}

	/** Keys whose last attempt still wants a retry. */
	static List<String> unsettled(List<Answer> firstAttempts, List<Answer> retries) {
		Map<String, Answer> latest = new LinkedHashMap<>();
		firstAttempts.forEach((answer) -> latest.put(answer.idempotencyKey(), answer));
		retries.forEach((answer) -> latest.put(answer.idempotencyKey(), answer));
		return latest.values().stream().filter(Answer::worthRetrying).map(Answer::idempotencyKey).toList();
	}

	private CompletableFuture<Answer> send(String key, String body, Instant due, long dueNanos) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.gatewayUrl + "/api/v1/plans"))
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
			Duration latency = Duration.ofNanos(System.nanoTime() - dueNanos);
			if (error != null) {
				return new Answer(key, body, due, latency, 0, failure(error), null, null, null, "");
			}
			UUID planId = null;
			if (response.statusCode() == HTTP_ACCEPTED) {
				Matcher matcher = PLAN_ID.matcher(response.body());
				planId = matcher.find() ? UUID.fromString(matcher.group(1)) : null;
			}
			return new Answer(key, body, due, latency, response.statusCode(), null, planId,
					header(response, "Retry-After"), header(response, "Content-Type"), response.body());
		});
	}

	private static String header(HttpResponse<?> response, String name) {
		Optional<String> value = response.headers().firstValue(name);
		return value.orElse(null);
	}

	private static Failure failure(Throwable error) {
		Throwable cause = error;
		while (cause.getCause() != null && !(cause instanceof IOException)) {
			cause = cause.getCause();
		}
		if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
				|| (cause.getCause() instanceof ConnectException)) {
			return Failure.REFUSED;
		}
		if (cause instanceof HttpTimeoutException) {
			return Failure.TIMED_OUT;
		}
		return Failure.CUT_OFF;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/** One constant-rate run in progress. */
	final class Run {

		private final long periodNanos;

		private final List<CompletableFuture<Answer>> sent = Collections.synchronizedList(new ArrayList<>());

		private volatile boolean stopped;

		private Thread scheduler;

		private Run(int ratePerSecond) {
			this.periodNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
		}

		private void schedule() {
			long startNanos = System.nanoTime();
			Instant start = Instant.now();
			for (long i = 0; !this.stopped; i++) {
				long dueNanos = startNanos + i * this.periodNanos;
				long now = System.nanoTime();
				while (now < dueNanos && !this.stopped) {
					LockSupport.parkNanos(dueNanos - now);
					now = System.nanoTime();
				}
				if (this.stopped) {
					break;
				}
				Instant due = start.plusNanos(dueNanos - startNanos);
				this.sent.add(send(UUID.randomUUID().toString(), PlanRequests.varied((int) i), due, dueNanos));
			}
		}

		/** Answers so far (those still in flight are left out). */
		List<Answer> answeredSoFar() {
			synchronized (this.sent) {
				return this.sent.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
			}
		}

		/**
		 * Stops sending and waits for every answer (each bounded by the request timeout).
		 */
		List<Answer> stop() {
			this.stopped = true;
			Thread thread = this.scheduler;
			LockSupport.unpark(thread);
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			List<CompletableFuture<Answer>> all;
			synchronized (this.sent) {
				all = List.copyOf(this.sent);
			}
			return all.stream().map(CompletableFuture::join).toList();
		}

	}

}
