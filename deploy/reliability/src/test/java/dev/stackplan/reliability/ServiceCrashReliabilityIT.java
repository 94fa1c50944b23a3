package dev.stackplan.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.stackplan.reliability.PlanTraffic.Answer;
import dev.stackplan.reliability.PlatformProcesses.Service;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must show (1): each service killed with SIGKILL in turn under a steady open-loop load,
 * then started again. Every plan that got a 202 ends COMPLETE and none is duplicated,
 * also for a client that retries what got no answer with the same Idempotency-Key.
 */
@ExtendWith(SharedPlatform.class)
class ServiceCrashReliabilityIT {

	static final int STEADY_RATE = 40;

	/** Load before the first kill, so every service is under traffic when it dies. */
	private static final Duration BEFORE_KILL = Duration.ofSeconds(5);

	/** How long a killed service stays dead: plans queue up behind it meanwhile. */
	private static final Duration DEAD_FOR = Duration.ofSeconds(5);

	private static final Duration AFTER_LAST_RESTART = Duration.ofSeconds(5);

	private static final Duration RETRY_WITHIN = Duration.ofSeconds(60);

	private static final Duration DRAIN = Duration.ofMinutes(2);

	@BeforeEach
	void wholePlatform() {
		SharedPlatform.platform().ensureRunning();
	}

	@Test
	void everyAcceptedPlanCompletesOnceWhenEachServiceIsKilledInTurnUnderLoad() {
		PlatformProcesses platform = SharedPlatform.platform();
		PlanLedger ledger = new PlanLedger(platform.jdbcUrl());
		List<Answer> retries = new ArrayList<>();
		List<Answer> answers;
		try (PlanTraffic traffic = new PlanTraffic(platform.gatewayUrl(), SharedPlatform.DEMO_KEY)) {
			PlanTraffic.Run load = traffic.start("crash", STEADY_RATE);
			OsProcesses.sleep(BEFORE_KILL);
			for (Service service : Service.values()) {
				platform.kill(service);
				OsProcesses.sleep(DEAD_FOR);
				platform.start(service);
			}
			OsProcesses.sleep(AFTER_LAST_RESTART);
			answers = load.stop();
			retries.addAll(traffic.retryUntilSettled(answers, RETRY_WITHIN));
		}

		Tally tally = Tally.of("kill -9 of each service in turn at " + STEADY_RATE + "/s", answers, retries, ledger,
				DRAIN);
		ReliabilityReport.record(tally);
		assertThat(tally.accepted()).as("plans accepted under load").isGreaterThan(STEADY_RATE * 10L);
		assertThat(tally.lost()).as("accepted plans not COMPLETE after the drain: %s", tally.lostExamples()).isZero();
		assertThat(tally.duplicates()).as("keys with more than one plan").isZero();
		assertThat(PlanTraffic.unsettled(answers, retries))
			.as("keys without a final answer after retrying for %s", RETRY_WITHIN)
			.isEmpty();
	}

}
