package dev.stackplan.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.stackplan.reliability.Http.Reply;
import dev.stackplan.reliability.PlanTraffic.Answer;
import dev.stackplan.reliability.PlatformProcesses.Service;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must show (8): a scenario survives a gateway restart. The gateway that drives it is
 * killed while the scenario is RUNNING; once a gateway is back, the scenario ends
 * COMPLETE or FAILED with a reason, never RUNNING forever. Needs durable scenarios
 * (branch {@code scenarios}); before that work is merged this test fails by design.
 */
@ExtendWith(SharedPlatform.class)
class ScenarioRestartReliabilityIT {

	private static final int PAST_PLANS = 600;

	private static final int RATE = 100;

	private static final Duration TO_START = Duration.ofSeconds(30);

	private static final Duration TO_FINISH = Duration.ofMinutes(2);

	private static final Duration POLL = Duration.ofMillis(100);

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void wholePlatform() {
		SharedPlatform.platform().ensureRunning();
	}

	@Test
	void aScenarioRunningWhenItsGatewayIsKilledEndsCompleteOrFailedWithAReason() {
		PlatformProcesses platform = SharedPlatform.platform();
		Instant from = Instant.now();
		List<Answer> past;
		try (PlanTraffic traffic = new PlanTraffic(platform.gatewayUrl(), SharedPlatform.DEMO_KEY)) {
			PlanTraffic.Run load = traffic.start("past-plans", RATE);
			OsProcesses.sleep(Duration.ofSeconds(PAST_PLANS / RATE));
			past = load.stop();
		}
		Instant to = Instant.now();
		List<UUID> accepted = past.stream().filter(Answer::accepted).map(Answer::planId).toList();
		new PlanLedger(platform.jdbcUrl()).awaitComplete(accepted, Duration.ofMinutes(2));

		Reply created = Http.post(platform.gatewayUrl() + "/api/v1/scenarios", SharedPlatform.ANALYST_KEY, Map.of(),
				"{\"name\":\"restart\",\"source\":{\"from\":\"" + from + "\",\"to\":\"" + to + "\"},\"overrides\":{}}");
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		String scenario = platform.gatewayUrl() + "/api/v1/scenarios/"
				+ this.json.readTree(created.body()).path("scenarioId").asString();

		String statusWhenKilled = awaitStatus(scenario, Set.of("RUNNING", "COMPLETE", "FAILED"), TO_START);
		assertThat(statusWhenKilled).as("the scenario was still running when its gateway was killed")
			.isEqualTo("RUNNING");
		platform.kill(Service.GATEWAY);
		platform.start(Service.GATEWAY);

		String finalStatus = awaitStatus(scenario, Set.of("COMPLETE", "FAILED"), TO_FINISH);
		JsonNode last = this.json.readTree(Http.get(scenario, SharedPlatform.ANALYST_KEY).body());
		ReliabilityReport.note("scenario restart", "%d past plans, gateway killed while RUNNING; then %s %s"
			.formatted(accepted.size(), finalStatus, last.path("failure").asString("")));
		assertThat(finalStatus).as("status %s after the restart: %s", TO_FINISH, last).isIn("COMPLETE", "FAILED");
		if ("FAILED".equals(finalStatus)) {
			assertThat(last.path("failure").asString("")).as("the reason it failed").isNotBlank();
		}
	}

	/** Polls until one of the statuses or the time is up; answers the last one seen. */
	private String awaitStatus(String scenario, Set<String> wanted, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		String status = "";
		while (System.nanoTime() < deadline) {
			Reply reply = Http.get(scenario, SharedPlatform.ANALYST_KEY);
			if (reply.status() == 200) {
				status = this.json.readTree(reply.body()).path("status").asString("");
				if (wanted.contains(status)) {
					return status;
				}
			}
			OsProcesses.sleep(POLL);
		}
		return status.isEmpty() ? "no answer" : status;
	}

}
