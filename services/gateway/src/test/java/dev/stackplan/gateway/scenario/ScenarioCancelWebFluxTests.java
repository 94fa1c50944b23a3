package dev.stackplan.gateway.scenario;

import java.time.Instant;
import java.util.UUID;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.gateway.GatewayWebTestBeans;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * {@code POST /api/v1/scenarios/{id}/cancel} through the real security chain and
 * controller: the owner cancels an unfinished scenario, a finished one is a 409 problem,
 * another analyst's is a 404 like an unknown one, and a key without the analyst role is a
 * 403. The store is stubbed; its statements have their own Postgres tests.
 */
@WebFluxTest(controllers = ScenarioController.class,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "dev\\.stackplan\\.gateway\\.client\\.ApiSecurityConfiguration"))
@Import(GatewayWebTestBeans.class)
class ScenarioCancelWebFluxTests {

	private static final String ANALYST_KEY = "analyst-key";

	private static final String DEMO_KEY = "demo-key";

	@Autowired
	WebTestClient client;

	@MockitoBean
	ScenarioRepository scenarios;

	@MockitoBean
	ScenarioRunner runner;

	@MockitoBean
	PlanLog log;

	@MockitoBean
	KnowledgeBase knowledge;

	@Test
	void theOwnerCancelsAnUnfinishedScenario() {
		UUID scenarioId = UUID.randomUUID();
		given(this.scenarios.cancel(scenarioId, "analyst"))
			.willReturn(Mono.just(row(scenarioId, ScenarioStatus.CANCELLED)));

		cancel(scenarioId, ANALYST_KEY).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.scenarioId")
			.isEqualTo(scenarioId.toString())
			.jsonPath("$.status")
			.isEqualTo("CANCELLED");
	}

	@Test
	void aFinishedScenarioIsA409Problem() {
		UUID scenarioId = UUID.randomUUID();
		given(this.scenarios.cancel(scenarioId, "analyst")).willReturn(Mono.empty());
		given(this.scenarios.findOwned(scenarioId, "analyst"))
			.willReturn(Mono.just(row(scenarioId, ScenarioStatus.COMPLETE)));

		cancel(scenarioId, ANALYST_KEY).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/scenario-finished")
			.jsonPath("$.detail")
			.isEqualTo("The scenario is COMPLETE; only a COUNTING or RUNNING scenario can be cancelled");
	}

	@Test
	void anotherAnalystsOrAnUnknownScenarioIs404() {
		UUID scenarioId = UUID.randomUUID();
		given(this.scenarios.cancel(scenarioId, "analyst")).willReturn(Mono.empty());
		given(this.scenarios.findOwned(scenarioId, "analyst")).willReturn(Mono.empty());

		cancel(scenarioId, ANALYST_KEY).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/scenario-not-found");
	}

	@Test
	void aKeyWithoutTheAnalystRoleIs403AndCancelsNothing() {
		UUID scenarioId = UUID.randomUUID();

		cancel(scenarioId, DEMO_KEY).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/analysts-only");
		verifyNoInteractions(this.scenarios);
	}

	@Test
	void withoutAKeyIs401() {
		UUID scenarioId = UUID.randomUUID();

		this.client.post().uri("/api/v1/scenarios/{id}/cancel", scenarioId).exchange().expectStatus().isUnauthorized();
		verify(this.scenarios, never()).cancel(scenarioId, "analyst");
	}

	private WebTestClient.ResponseSpec cancel(UUID scenarioId, String key) {
		return this.client.post()
			.uri("/api/v1/scenarios/{id}/cancel", scenarioId)
			.header("Authorization", "Bearer " + key)
			.exchange();
	}

	private static ScenarioRow row(UUID scenarioId, ScenarioStatus status) {
		Instant now = Instant.now();
		return new ScenarioRow(scenarioId, "analyst", "cancel me", status, "{\"planIds\": []}", "{}", 10, 10, 3, now,
				now, null, now, now, now, "{\"0\": 10}");
	}

}
