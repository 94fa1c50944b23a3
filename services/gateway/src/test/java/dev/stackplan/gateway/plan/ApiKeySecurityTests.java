package dev.stackplan.gateway.plan;

import java.net.URI;
import java.util.UUID;

import dev.stackplan.gateway.GatewayWebTestBeans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The API-key rule applies to the path as routing sees it: every spelling that reaches
 * the plan controller needs a key, and with one it reaches the controller as the right
 * client. The real security chain and the real controller; only the store is stubbed.
 */
@WebFluxTest(controllers = PlanController.class,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "dev\\.stackplan\\.gateway\\.client\\.ApiSecurityConfiguration"))
@Import(GatewayWebTestBeans.class)
class ApiKeySecurityTests extends PlanControllerSlice {

	/**
	 * Each of these reaches {@code GET /api/v1/plans} (matrix parameters are dropped and
	 * percent-encoding decoded before routing), or routes nowhere; none may pass without
	 * a key.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/plans", "/api;x/v1/plans", "/%61pi/v1/plans", "/api/v1;x/plans",
			"/api/v1/%70lans", "/api/v1/plans;a=b", "/API/v1/plans", "/api/v1/plans/", "/%41PI/v1/plans",
			"/api/v1/plans/00000000-0000-0000-0000-000000000000", "/a%70i/v1/plans/0;x/events", "/nowhere" })
	void withoutAKeyEverySpellingIs401WithTheRealm(String path) {
		unauthorized(this.client.get().uri(URI.create(path)).exchange(), "Send your API key");
		verifyNoInteractions(this.plans, this.intake);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api;x/v1/plans", "/%61pi/v1/plans" })
	void withAWrongKeyEverySpellingIs401(String path) {
		unauthorized(this.client.get().uri(URI.create(path)).header("Authorization", "Bearer not-a-key").exchange(),
				"The API key is not valid");
		unauthorized(this.client.get().uri(URI.create(path)).header("X-Api-Key", "").exchange(),
				"The API key is not valid");
		verifyNoInteractions(this.plans);
	}

	@Test
	void aDoubleSlashNeverReachesAController() {
		this.client.get()
			.uri(URI.create("//api/v1/plans"))
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isIn(400, 401))
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.plans);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/plans", "/api;x/v1/plans", "/%61pi/v1/plans" })
	void withAKeyTheControllerSeesTheKeysClient(String path) {
		given(this.plans.findByClient(eq("demo"), any(), any(), anyInt())).willReturn(Flux.empty());

		this.client.get()
			.uri(URI.create(path))
			.header("Authorization", "Bearer " + DEMO_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items")
			.isArray();
		this.client.get().uri(URI.create(path)).header("X-Api-Key", DEMO_KEY).exchange().expectStatus().isOk();
	}

	@Test
	void anotherClientsPlanIsLookedUpWithTheCallerAsOwner() {
		UUID planId = UUID.randomUUID();
		given(this.plans.findOwned(planId, "demo")).willReturn(Mono.empty());

		this.client.get()
			.uri("/api/v1/plans/{id}", planId)
			.header("Authorization", "Bearer " + DEMO_KEY)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private static void unauthorized(WebTestClient.ResponseSpec response, String detail) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer realm=\"stackplan\"")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.title")
			.isEqualTo("Unauthorized")
			.jsonPath("$.detail")
			.value((String text) -> assertThat(text).startsWith(detail));
	}

}
