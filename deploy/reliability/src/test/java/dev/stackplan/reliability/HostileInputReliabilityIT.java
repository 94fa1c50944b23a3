package dev.stackplan.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import dev.stackplan.reliability.Http.Reply;
import dev.stackplan.testsupport.HostileRequests;
import dev.stackplan.testsupport.HostileRequests.HostileRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must show (6): ten thousand hostile requests over HTTP to the gateway (and through it
 * to intake), from the shared jqwik generator ({@code HostileRequests} in test-support).
 * None is answered with a 5xx, and no answer names a Java class, an internal path or a
 * library.
 */
@ExtendWith(SharedPlatform.class)
class HostileInputReliabilityIT {

	private static final int REQUESTS = 10_000;

	/** Fixed, so a failure can be replayed; change it to explore further. */
	private static final long SEED = Long.getLong("reliability.hostileSeed", 20261124L);

	private static final int PARALLEL = 8;

	private static final int EXAMPLES = 10;

	/** {@code package.Class}, a stack frame's shape. */
	private static final Pattern CLASS_NAME = Pattern
		.compile("\\b(?:java|javax|jakarta|org|com|io|tools|dev|reactor|sun|kotlin)\\.[a-z][a-z0-9_]*\\.[\\w.$]*");

	private static final Pattern INTERNALS = Pattern.compile(
			"Exception|/internal/|\\b(?:jackson|netty|r2dbc|postgres(?:ql)?|kafka|spring|flyway|hikari|zonky)\\b",
			Pattern.CASE_INSENSITIVE);

	@BeforeEach
	void wholePlatform() {
		SharedPlatform.platform().ensureRunning();
	}

	@Test
	void tenThousandHostileRequestsGetNo5xxAndNoAnswerNamesTheInternals() throws InterruptedException {
		int gateway = SharedPlatform.platform().ports().gateway();
		List<HostileRequest> requests = HostileRequests.sample(HostileRequests.any(), REQUESTS, SEED);
		List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
		List<String> leaks = Collections.synchronizedList(new ArrayList<>());
		AtomicLong unanswered = new AtomicLong();
		AtomicLong clientErrors = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
		for (HostileRequest request : requests) {
			pool.execute(() -> {
				Reply reply = Http.raw(gateway, head(request), request.body());
				String body = bodyOf(reply.body());
				if (reply.status() == 0) {
					unanswered.incrementAndGet();
				}
				else if (reply.status() >= 500) {
					serverErrors.add(reply.status() + " for " + request + " -> " + body);
				}
				else if (reply.status() >= 400) {
					clientErrors.incrementAndGet();
				}
				// a plan's own answer quotes the knowledge base (which names frameworks
				// and
				// libraries); what must never leak is in the refusals and problems
				boolean problem = reply.status() >= 300 || reply.status() == 0;
				if (!HostileRequests.leaks(body).isEmpty()
						|| (problem && (CLASS_NAME.matcher(body).find() || INTERNALS.matcher(body).find()))) {
					leaks.add(request + " -> " + body);
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).as("every hostile request answered in time").isTrue();

		ReliabilityReport.note("hostile input",
				"%d generated requests (seed %d): %d 4xx, %d 5xx, %d leaking bodies, %d without an answer".formatted(
						REQUESTS, SEED, clientErrors.get(), serverErrors.size(), leaks.size(), unanswered.get()));
		serverErrors.stream().limit(EXAMPLES).forEach((example) -> System.out.println("[reliability] 5xx: " + example));
		leaks.stream().limit(EXAMPLES).forEach((example) -> System.out.println("[reliability] leak: " + example));
		assertThat(serverErrors.stream().limit(EXAMPLES).toList()).as("5xx answers (%d of them)", serverErrors.size())
			.isEmpty();
		assertThat(leaks.stream().limit(EXAMPLES).toList())
			.as("bodies naming a class, an internal path or a library (%d of them)", leaks.size())
			.isEmpty();
	}

	/**
	 * The request line and headers as sent; the shared generator carries no credentials,
	 * so a client's key is added (the analyst's for scenarios).
	 */
	private static String head(HostileRequest request) {
		String key = request.path().startsWith(HostileRequests.SCENARIOS) ? SharedPlatform.ANALYST_KEY
				: SharedPlatform.DEMO_KEY;
		StringBuilder head = new StringBuilder(request.method()).append(' ')
			.append(request.path())
			.append(" HTTP/1.1\r\nX-Api-Key: ")
			.append(key);
		request.headers().forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
		return head.toString();
	}

	private static String bodyOf(String answer) {
		int end = answer.indexOf("\r\n\r\n");
		return (end < 0) ? "" : answer.substring(end + 4);
	}

}
