package dev.stackplan.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.stackplan.local.PlatformServices.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenarios outlive the gateway that started them, and an analyst can stop one: on the
 * real platform, a scenario interrupted by a gateway restart while RUNNING finishes with
 * the same report as one that ran straight through, and a cancelled scenario stays
 * CANCELLED when the results it was waiting for arrive.
 */
class ScenarioRestartEndToEndTests {

	private static final int PLANS = 200;

	private static final String SENIOR_PLUS_20 = "{\"cost\":{\"onDemand\":{\"tiers\":{\"SENIOR\":{\"weeklyUsd\":1800}}}}}";

	private static PastPlans past;

	@BeforeAll
	static void pastPlans() {
		past = PastPlans.planned("Restart", PLANS, Duration.ofMinutes(3));
	}

	@Test
	void aScenarioInterruptedByAGatewayRestartFinishesWithTheSameReportAsAnUninterruptedOne() throws Exception {
		JsonNode straight = report(awaitStatus(scenario("straight through"), "COMPLETE", Duration.ofMinutes(3)));
		PlatformServices services = SharedPlatform.services();
		String interrupted;
		String driverBefore;
		services.stop(Service.SCORING);
		try {
			interrupted = scenario("interrupted");
			awaitStatus(interrupted, "RUNNING", Duration.ofMinutes(1));
			driverBefore = driver(interrupted);

			services.stop(Service.GATEWAY);
			services.start(Service.GATEWAY);
		}
		finally {
			services.start(Service.SCORING);
		}
		JsonNode resumed = report(awaitStatus(interrupted, "COMPLETE", Duration.ofMinutes(3)));

		assertThat(driverBefore).isNotNull();
		assertThat(driver(interrupted)).as("taken over by the new gateway instance").isNotEqualTo(driverBefore);
		assertThat(resumed.path("replayed").asInt()).isEqualTo(PLANS);
		for (String field : List.of("replayed", "compared", "withoutBaseline", "identical", "aggregates", "plans")) {
			assertThat(resumed.path(field)).as(field).isEqualTo(straight.path(field));
		}
	}

	@Test
	void aCancelledScenarioStaysCancelledWhenItsResultsArriveAndCannotBeCancelledTwice() throws Exception {
		PlatformServices services = SharedPlatform.services();
		String scenario;
		services.stop(Service.SCORING);
		try {
			scenario = scenario("cancelled");
			awaitStatus(scenario, "RUNNING", Duration.ofMinutes(1));

			analyst().post()
				.uri(scenario + "/cancel")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("CANCELLED");
			analyst().post()
				.uri(scenario + "/cancel")
				.exchange()
				.expectStatus()
				.isEqualTo(409)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("/problems/scenario-finished");
		}
		finally {
			services.start(Service.SCORING);
		}
		UUID scenarioId = UUID.fromString(scenario.substring(scenario.lastIndexOf('/') + 1));
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> resultsOf(scenarioId) == PLANS);

		assertThat(status(scenario).path("status").asString()).isEqualTo("CANCELLED");
		analyst().get().uri(scenario + "/report").exchange().expectStatus().isEqualTo(409);
		SharedPlatform.gateway(SharedPlatform.DEMO_KEY)
			.post()
			.uri(scenario + "/cancel")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	/** The gateway as it runs now: a restarted one may listen on another port. */
	private static WebTestClient analyst() {
		return SharedPlatform.gateway(SharedPlatform.ANALYST_KEY);
	}

	private String scenario(String name) {
		return SharedPlatform.startScenario(analyst(),
				"{\"name\":\"" + name + "\",\"source\":" + past.window() + ",\"overrides\":" + SENIOR_PLUS_20 + "}");
	}

	private String awaitStatus(String scenario, String status, Duration atMost) {
		await().atMost(atMost)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> status.equals(status(scenario).path("status").asString()));
		return scenario;
	}

	private JsonNode status(String scenario) {
		return SharedPlatform.read(analyst(), scenario);
	}

	private JsonNode report(String scenario) {
		return SharedPlatform.read(analyst(), scenario + "/report");
	}

	private static String driver(String scenario) throws Exception {
		try (Connection db = PastPlans.connect();
				PreparedStatement query = db
					.prepareStatement("select claimed_by from gateway.scenarios where scenario_id = ?")) {
			query.setObject(1, UUID.fromString(scenario.substring(scenario.lastIndexOf('/') + 1)));
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getString(1);
			}
		}
	}

	private static int resultsOf(UUID scenarioId) throws Exception {
		try (Connection db = PastPlans.connect();
				PreparedStatement query = db.prepareStatement(
						"select count(*) from gateway.scenario_results where scenario_id = ? and stack is not null and costs is not null")) {
			query.setObject(1, scenarioId);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

}
