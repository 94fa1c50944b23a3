package dev.stackplan.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.stackplan.reliability.Http.Reply;
import dev.stackplan.reliability.PlanTraffic.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must show (3): the broker killed with SIGKILL for 30 s, and the database frozen
 * (SIGSTOP of the postmaster and every backend) for 30 s, under load. Meanwhile POST
 * answers 503 problem+json with {@code Retry-After} within a second, no request waits
 * more than two, stored plans stay readable while only the broker is away, the gateway's
 * readiness is DOWN and its liveness UP; afterwards the platform recovers by itself, the
 * backlog drains and no accepted plan is lost.
 */
@ExtendWith(SharedPlatform.class)
class DependencyOutageReliabilityIT {

	private static final Duration OUTAGE = Duration.ofSeconds(30);

	private static final int RATE = 20;

	private static final Duration BEFORE_OUTAGE = Duration.ofSeconds(3);

	/**
	 * The platform may take this long to notice the outage (a producer's metadata, a
	 * pool's acquire timeout): requests due in it must not hang, but may still be slow.
	 */
	private static final Duration DETECTION_GRACE = Duration.ofSeconds(3);

	private static final Duration FAST_FAILURE = Duration.ofSeconds(1);

	private static final Duration NO_HANG = Duration.ofSeconds(2);

	private static final Duration PROBE_EVERY = Duration.ofSeconds(1);

	/**
	 * After the dependency is back, within this the platform accepts plans again by
	 * itself.
	 */
	private static final Duration RECOVERY = Duration.ofSeconds(30);

	private static final Duration AFTER_RECOVERY = Duration.ofSeconds(5);

	private static final Duration RETRY_WITHIN = Duration.ofSeconds(60);

	private static final Duration DRAIN = Duration.ofSeconds(90);

	@BeforeEach
	void wholePlatform() {
		SharedPlatform.platform().ensureRunning();
	}

	@Test
	void aDeadBrokerMeansFast503sReadablePlansReadinessDownAndNoLossOnceItIsBack() {
		PlatformProcesses platform = SharedPlatform.platform();
		Outage outage = outage("broker kill -9 for " + OUTAGE.toSeconds() + " s", platform::killBroker,
				platform::startBroker);

		assertFailsFastAndHonestly(outage);
		assertThat(outage.storedPlanReads).as("GET of a stored plan while the broker is away")
			.isNotEmpty()
			.allSatisfy((reply) -> assertThat(reply.status()).as(reply.body()).isEqualTo(200));
		assertRecoveredWithoutLoss(outage);
	}

	@Test
	void aFrozenDatabaseMeansFast503sReadinessDownAndNoLossOnceItThaws() {
		PlatformProcesses platform = SharedPlatform.platform();
		Outage outage = outage("database SIGSTOP for " + OUTAGE.toSeconds() + " s", platform::freezeDatabase,
				platform::thawDatabase);

		assertFailsFastAndHonestly(outage);
		assertRecoveredWithoutLoss(outage);
	}

	private static void assertFailsFastAndHonestly(Outage outage) {
		List<Answer> duringOutage = outage.answers.stream()
			.filter((answer) -> answer.dueWithin(outage.began, outage.ended))
			.toList();
		assertThat(duringOutage).as("requests due during the outage").hasSizeGreaterThan(RATE * 10);
		assertThat(duringOutage.stream().filter((answer) -> answer.latency().compareTo(NO_HANG) > 0).toList())
			.as("requests that waited more than %s", NO_HANG)
			.isEmpty();
		List<Answer> afterDetection = duringOutage.stream()
			.filter((answer) -> answer.dueWithin(outage.began.plus(DETECTION_GRACE), outage.ended))
			.toList();
		assertThat(afterDetection).as("POSTs during the outage").allSatisfy((answer) -> {
			assertThat(answer.status()).as("status (%s)", answer.responseBody()).isEqualTo(503);
			assertThat(answer.contentType()).as("content type").startsWith("application/problem+json");
			assertThat(answer.retryAfter()).as("Retry-After").isNotBlank();
			assertThat(answer.latency()).as("latency").isLessThanOrEqualTo(FAST_FAILURE);
		});
		assertThat(outage.readiness).as("gateway readiness during the outage (HTTP status)")
			.isNotEmpty()
			.allSatisfy((status) -> assertThat(status).isEqualTo(503));
		assertThat(outage.liveness).as("gateway liveness during the outage (HTTP status)")
			.isNotEmpty()
			.allSatisfy((status) -> assertThat(status).isEqualTo(200));
	}

	private static void assertRecoveredWithoutLoss(Outage outage) {
		assertThat(outage.answers.stream()
			.filter((answer) -> answer.dueWithin(outage.ended.plus(RECOVERY), Instant.MAX))
			.anyMatch(Answer::accepted)).as("a plan accepted within %s of the dependency's return", RECOVERY).isTrue();
		assertThat(outage.tally.lost()).as("accepted plans not COMPLETE: %s", outage.tally.lostExamples()).isZero();
		assertThat(outage.tally.duplicates()).as("keys with more than one plan").isZero();
		assertThat(outage.tally.accepted()).as("plans accepted").isPositive();
	}

	private static final class Outage {

		Instant began;

		Instant ended;

		List<Answer> answers;

		final List<Reply> storedPlanReads = new ArrayList<>();

		final List<Integer> readiness = new ArrayList<>();

		final List<Integer> liveness = new ArrayList<>();

		Tally tally;

	}

	private static Outage outage(String scenario, Runnable begin, Runnable end) {
		PlatformProcesses platform = SharedPlatform.platform();
		PlanLedger ledger = new PlanLedger(platform.jdbcUrl());
		Outage outage = new Outage();
		UUID storedPlan = storedCompletePlan(platform, ledger);
		List<Answer> retries;
		try (PlanTraffic traffic = new PlanTraffic(platform.gatewayUrl(), SharedPlatform.DEMO_KEY)) {
			PlanTraffic.Run load = traffic.start("outage", RATE);
			OsProcesses.sleep(BEFORE_OUTAGE);
			outage.began = Instant.now();
			begin.run();
			try {
				while (Instant.now().isBefore(outage.began.plus(OUTAGE))) {
					OsProcesses.sleep(PROBE_EVERY);
					outage.storedPlanReads
						.add(Http.get(platform.gatewayUrl() + "/api/v1/plans/" + storedPlan, SharedPlatform.DEMO_KEY));
					if (Instant.now().isAfter(outage.began.plus(DETECTION_GRACE))) {
						outage.readiness.add(platform.status(platform.managementUrl() + "/actuator/health/readiness"));
						outage.liveness.add(platform.status(platform.managementUrl() + "/actuator/health/liveness"));
					}
				}
			}
			finally {
				outage.ended = Instant.now();
				end.run();
			}
			// the load goes on past the recovery bound, so a 202 after it shows the
			// platform took plans again
			Duration sinceEnd = Duration.between(outage.ended, Instant.now());
			OsProcesses.sleep(RECOVERY.plus(AFTER_RECOVERY).minus(sinceEnd));
			outage.answers = load.stop();
			retries = traffic.retryUntilSettled(outage.answers, RETRY_WITHIN);
		}
		outage.tally = Tally.of(scenario, outage.answers, retries, ledger, DRAIN);
		ReliabilityReport.record(outage.tally);
		return outage;
	}

	private static UUID storedCompletePlan(PlatformProcesses platform, PlanLedger ledger) {
		Answer answer;
		try (PlanTraffic traffic = new PlanTraffic(platform.gatewayUrl(), SharedPlatform.DEMO_KEY)) {
			answer = traffic.send(UUID.randomUUID().toString(), PlanRequests.varied(0));
		}
		assertThat(answer.status()).as("a plan before the outage: %s", answer.responseBody()).isEqualTo(202);
		Map<UUID, String> status = ledger.awaitComplete(List.of(answer.planId()), Duration.ofSeconds(60));
		assertThat(status.get(answer.planId())).as("the stored plan").isEqualTo(PlanLedger.COMPLETE);
		return answer.planId();
	}

}
