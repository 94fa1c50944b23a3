package dev.stackplan.reliability;

import java.time.Duration;
import java.util.List;

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
 */
@ExtendWith(SharedPlatform.class)
class GracefulShutdownReliabilityIT {

	private static final int RATE = ServiceCrashReliabilityIT.STEADY_RATE;

	private static final Duration BEFORE_STOP = Duration.ofSeconds(5);

	private static final Duration AFTER_START = Duration.ofSeconds(5);

	private static final Duration RETRY_WITHIN = Duration.ofSeconds(60);

	private static final Duration DRAIN = Duration.ofMinutes(2);

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
	void theWholeSetStoppedInOrderUnderLoadAnswersNo5xxAndEveryAcceptedPlanCompletes() {
		PlatformProcesses platform = SharedPlatform.platform();
		Tally tally = underLoad("SIGTERM of every process in order at " + RATE + "/s", () -> {
			for (Service service : List.of(Service.GATEWAY, Service.INTAKE, Service.SCORING, Service.COSTING)) {
				platform.terminate(service);
			}
			platform.terminateBroker();
			platform.terminateDatabase();
			platform.ensureRunning();
		});

		assertNoFailure(tally);
	}

	private static void assertNoFailure(Tally tally) {
		assertThat(tally.serverErrors()).as("5xx answers, the first: %s", tally.serverErrorExamples()).isZero();
		assertThat(tally.lost()).as("accepted plans not COMPLETE: %s", tally.lostExamples()).isZero();
		assertThat(tally.duplicates()).as("keys with more than one plan").isZero();
		assertThat(tally.accepted()).as("plans accepted").isGreaterThan(RATE * 5L);
	}

	private static Tally underLoad(String scenario, Runnable stopAndStart) {
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
		Tally tally = Tally.of(scenario, answers, retries, new PlanLedger(platform.jdbcUrl()), DRAIN);
		ReliabilityReport.record(tally);
		return tally;
	}

}
