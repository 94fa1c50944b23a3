package dev.stackplan.gateway.scenario;

import java.time.Instant;
import java.util.UUID;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.gateway.GatewayWebFluxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * {@code GET /api/v1/scenarios/{id}/report} through the real security chain and
 * controller: CSV only for a request that names {@code text/csv}, JSON for any other, a
 * 409 problem until the scenario is complete, a 404 for a scenario that is not the
 * caller's.
 */
@GatewayWebFluxTest(controllers = ScenarioController.class)
class ScenarioReportWebFluxTests extends ScenarioControllerSlice {

	private static final UUID SCENARIO = UUID.fromString("00000000-0000-0000-0000-00000000000c");

	@MockitoBean
	KnowledgeBase knowledge;

	@Test
	void aRequestForCsvGetsTheReportAsAnAttachedCsvFile() {
		complete();

		String csv = report("text/csv").expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/csv")
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"scenario-" + SCENARIO + ".csv\"")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(csv).isEqualTo("planId,productKind,baselineRecommendation,scenarioRecommendation,flipped,"
				+ "identical,baselineOnDemandUsd,scenarioOnDemandUsd,onDemandDeltaUsd,fullTimeLowDeltaUsd,"
				+ "fullTimeHighDeltaUsd,scoreDeltas\n");
	}

	@ParameterizedTest(name = "Accept: {0} gets JSON")
	@ValueSource(strings = { "application/json", "*/*", "application/*" })
	void anyOtherRequestGetsTheReportAsJson(String accept) {
		complete();

		report(accept).expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.scenarioId")
			.isEqualTo(SCENARIO.toString())
			.jsonPath("$.status")
			.isEqualTo("COMPLETE")
			.jsonPath("$.plans")
			.isEmpty();
	}

	@Test
	void anUnfinishedScenarioHasNoReportYet() {
		given(this.scenarios.findOwned(SCENARIO, "analyst")).willReturn(Mono.just(row(ScenarioStatus.RUNNING)));

		report("text/csv").expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/report-not-ready")
			.jsonPath("$.title")
			.isEqualTo("Report not ready")
			.jsonPath("$.detail")
			.isEqualTo("The scenario is RUNNING (3 of 10 plans); its report appears when it is complete")
			.jsonPath("$.instance")
			.isEqualTo("/api/v1/scenarios/" + SCENARIO + "/report");
	}

	@Test
	void anotherAnalystsScenarioHasNoReport() {
		given(this.scenarios.findOwned(SCENARIO, "analyst")).willReturn(Mono.empty());

		report("application/json").expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/scenario-not-found")
			.jsonPath("$.detail")
			.isEqualTo("No scenario " + SCENARIO + " belongs to this API key");
	}

	private void complete() {
		given(this.scenarios.findOwned(SCENARIO, "analyst")).willReturn(Mono.just(row(ScenarioStatus.COMPLETE)));
		given(this.scenarios.compare(SCENARIO)).willReturn(Flux.empty());
	}

	private WebTestClient.ResponseSpec report(String accept) {
		return this.client.get()
			.uri("/api/v1/scenarios/{id}/report", SCENARIO)
			.header("Authorization", "Bearer " + ANALYST_KEY)
			.header(HttpHeaders.ACCEPT, accept)
			.exchange();
	}

	private static ScenarioRow row(ScenarioStatus status) {
		Instant now = Instant.now();
		return new ScenarioRow(SCENARIO, "analyst", "report me", status, "{\"planIds\": []}", "{}", 10, 10, 3, now, now,
				null, now, now, now, "{\"0\": 10}");
	}

}
