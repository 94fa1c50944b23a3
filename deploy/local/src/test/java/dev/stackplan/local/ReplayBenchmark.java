package dev.stackplan.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A benchmark, not a test (its name keeps it out of {@code ./mvnw verify}): run it with
 * {@code deploy/bench/replay.sh}. Puts N past requests on the log, lets production plan
 * them all, then replays them under a scenario without overrides, and reports both rates.
 * It asserts only that everything completed and the replay reproduced its baseline.
 */
class ReplayBenchmark {

	@Test
	void replayTenThousandPastRequests() throws Exception {
		int plans = Integer.getInteger("replay.plans", 10_000);
		PastPlans past = PastPlans.planned("Bench", plans, Duration.ofMinutes(30));
		double productionSeconds = past.planning().toNanos() / 1e9;

		WebTestClient analyst = SharedPlatform.gateway(SharedPlatform.ANALYST_KEY);
		long replayStart = System.nanoTime();
		String scenario = SharedPlatform.startScenario(analyst,
				"{\"name\":\"benchmark\",\"source\":" + past.window() + "}");
		await().atMost(Duration.ofMinutes(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> "COMPLETE".equals(SharedPlatform.read(analyst, scenario).path("status").asString()));
		double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
		JsonNode report = SharedPlatform.read(analyst, scenario + "/report");

		assertThat(report.path("replayed").asInt()).isEqualTo(plans);
		assertThat(report.path("identical").asInt()).isEqualTo(plans);
		String result = String.format("""
				plans: %d
				production, request on the log to plan COMPLETE in Postgres: %.1f s, %.0f plans/s
				replay, POST /api/v1/scenarios to COMPLETE: %.1f s, %.0f plans/s
				replay reproduced its baseline: %d of %d plans identical
				""", plans, productionSeconds, plans / productionSeconds, replaySeconds, plans / replaySeconds,
				report.path("identical").asInt(), plans);
		System.out.println(result);
		Files.writeString(Path.of("target", "replay-benchmark.txt"), result);
	}

}
