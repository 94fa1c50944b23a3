package dev.stackplan.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.stackplan.reliability.PlanTraffic.Answer;
import dev.stackplan.reliability.PlatformProcesses.Service;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must show (4): SIGTERM under load, of the gateway alone and of the whole set in order
 * (gateway, intake, scoring, costing, broker, database). A stop is not a failure: no
 * answer is a 5xx, and every plan that got a 202 completes once the platform is back.
 * While the whole set starts again, a gateway that is up before the broker has led its
 * partitions answers what the outage promise says (a 503 with {@code Retry-After}), and
 * nothing else.
 */
@ExtendWith(SharedPlatform.class)
class GracefulShutdownReliabilityIT {

	private static final int RATE = ServiceCrashReliabilityIT.STEADY_RATE;

	private static final Duration BEFORE_STOP = Duration.ofSeconds(5);

	private static final Duration AFTER_START = Duration.ofSeconds(5);

	private static final Duration RETRY_WITHIN = Duration.ofSeconds(60);

	private static final Duration DRAIN = Duration.ofMinutes(2);

	private static final int SERVER_ERROR = 500;

	private static final int SERVICE_UNAVAILABLE = 503;

	/** Every answer of the last load, first attempts and retries. */
	private List<Answer> answers = List.of();

	@BeforeEach
	void wholePlatform() {
		SharedPlatform.platform().ensureRunning();
	}

	@Test
	void aGatewayStoppedUnderLoadAnswersNo5xxAndEveryAcceptedPlanCompletes() {
		PlatformProcesses platform = SharedPlatform.platform();
		Tally tally = underLoad("SIGTERM of the gateway at " + RATE + "/s", () -> {
			platform.terminate(Service.GATEWAY);
			platform.start(Service.GATEWAY);
		});

		assertNoFailure(tally);
	}

	@Test
	void theWholeSetStoppedInOrderUnderLoadAnswersNo5xxWhileStoppingAndEveryAcceptedPlanCompletes() {
		PlatformProcesses platform = SharedPlatform.platform();
		AtomicReference<Instant> startingAgain = new AtomicReference<>();
		Tally tally = underLoad("SIGTERM of every process in order at " + RATE + "/s", () -> {
			for (Service service : List.of(Service.GATEWAY, Service.INTAKE, Service.SCORING, Service.COSTING)) {
				platform.terminate(service);
			}
			platform.terminateBroker();
			platform.terminateDatabase();
			startingAgain.set(Instant.now());
			platform.ensureRunning();
		});

		List<Answer> whileStopping = this.answers.stream()
			.filter((answer) -> answer.due().isBefore(startingAgain.get()))
			.toList();
		assertThat(whileStopping).filteredOn((answer) -> answer.status() >= SERVER_ERROR)
			.as("5xx answers while the platform stopped")
			.isEmpty();
		assertThat(this.answers).filteredOn((answer) -> answer.status() >= SERVER_ERROR)
			.as("5xx answers while it started again that are not a 503 with Retry-After")
			.allSatisfy((answer) -> {
				assertThat(answer.status()).isEqualTo(SERVICE_UNAVAILABLE);
				assertThat(answer.retryAfter()).isNotBlank();
			});
		assertThat(tally.lost()).as("accepted plans not COMPLETE: %s", tally.lostExamples()).isZero();
		assertThat(tally.duplicates()).as("keys with more than one plan").isZero();
		assertThat(tally.accepted()).as("plans accepted").isGreaterThan(RATE * 5L);
	}

	private static void assertNoFailure(Tally tally) {
		assertThat(tally.serverErrors()).as("5xx answers, the first: %s", tally.serverErrorExamples()).isZero();
		assertThat(tally.lost()).as("accepted plans not COMPLETE: %s", tally.lostExamples()).isZero();
		assertThat(tally.duplicates()).as("keys with more than one plan").isZero();
		assertThat(tally.accepted()).as("plans accepted").isGreaterThan(RATE * 5L);
	}

	private Tally underLoad(String scenario, Runnable stopAndStart) {
		PlatformProcesses platform = SharedPlatform.platform();
		List<Answer> answers;
		List<Answer> retries;
		try (PlanTraffic traffic = new PlanTraffic(platform.gatewayUrl(), SharedPlatform.DEMO_KEY)) {
			PlanTraffic.Run load = traffic.start("sigterm", RATE);
			OsProcesses.sleep(BEFORE_STOP);
			stopAndStart.run();
			OsProcesses.sleep(AFTER_START);
			answers = load.stop();
			retries = traffic.retryUntilSettled(answers, RETRY_WITHIN);
		}
		this.answers = new ArrayList<>(answers);
		this.answers.addAll(retries);
		Tally tally = Tally.of(scenario, answers, retries, new PlanLedger(platform.jdbcUrl()), DRAIN);
		ReliabilityReport.record(tally);
		return tally;
	}

}
