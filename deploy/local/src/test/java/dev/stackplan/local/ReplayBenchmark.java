package dev.stackplan.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.testsupport.Database;
import dev.stackplan.testsupport.RawRecords;
import dev.stackplan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void replayTenThousandPastRequests() throws Exception {
		int plans = Integer.getInteger("replay.plans", 10_000);
		Instant from = Instant.now();
		SharedPlatform.services();
		Map<String, String> events = PlanRequestMother.pastRequestEvents("Bench", plans);
		long productionStart = System.nanoTime();
		RawRecords.sendAll(PlanEvent.PLAN_REQUESTED.topic(), events, Map.of("__TypeId__", "plan-requested.v1"));
		Instant to = Instant.now().plusMillis(1);
		await().atMost(Duration.ofMinutes(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> complete(from, to) >= plans);
		double productionSeconds = (System.nanoTime() - productionStart) / 1e9;

		WebTestClient analyst = SharedPlatform.gateway(SharedPlatform.ANALYST_KEY);
		long replayStart = System.nanoTime();
		String scenario = analyst.post()
			.uri("/api/v1/scenarios")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"benchmark\",\"source\":{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}}")
			.exchange()
			.expectStatus()
			.isAccepted()
			.returnResult(JsonNode.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		await().atMost(Duration.ofMinutes(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> "COMPLETE".equals(analyst.get()
				.uri(scenario)
				.exchange()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody()
				.path("status")
				.asString()));
		double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
		JsonNode report = analyst.get()
			.uri(scenario + "/report")
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

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

	private static int complete(Instant from, Instant to) throws Exception {
		Database db = TestInfrastructure.database();
		try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
				PreparedStatement query = connection.prepareStatement(
						"select count(*) from gateway.plans where status = 'COMPLETE' and requested_at >= ? and requested_at < ?")) {
			query.setObject(1, Timestamp.from(from));
			query.setObject(2, Timestamp.from(to));
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

}
