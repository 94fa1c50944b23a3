package dev.stackplan.gateway.plan;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.stackplan.gateway.GatewayWebTestBeans;
import dev.stackplan.kit.ProblemsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The plan list and the plan POST refuse what they cannot use with a 400 naming it: a
 * cursor the API did not write never becomes a query (a crafted epoch was a 500 of bad
 * SQL grammar), an Idempotency-Key that cannot be forwarded is refused at the door, and
 * intake's own path never reaches the client.
 */
@WebFluxTest(controllers = PlanController.class,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "dev\\.stackplan\\.gateway\\.client\\.ApiSecurityConfiguration"))
@ImportAutoConfiguration(ProblemsAutoConfiguration.class)
@Import(GatewayWebTestBeans.class)
class PlanStrictInputWebFluxTests extends PlanControllerSlice {

	private static final String PLAN = "00000000-0000-0000-0000-000000000001";

	@ParameterizedTest(name = "cursor of {0} is refused")
	@ValueSource(strings = { "-62135596801.0." + PLAN, "99999999999999.0." + PLAN, "9223372036854775807.0." + PLAN,
			"1700000000.1000000000." + PLAN, "1700000000.-1." + PLAN, "1700000000.0.1-1-1-1-1",
			"1700000000.0." + PLAN + ".x", "1700000000.000." + PLAN })
	void aCraftedCursorIsRefusedNamingItBeforeAnyQuery(String raw) {
		String body = invalid(list(encode(raw)), "/problems/invalid-parameter");

		assertThat(body).contains("\"field\":\"cursor\"");
		verifyNoInteractions(this.plans);
	}

	@ParameterizedTest(name = "cursor {0} is refused")
	@ValueSource(strings = { "%00", "not base64!", "AAAA", "\uD800" })
	void aCursorThatIsNotOneIsRefusedNamingIt(String cursor) {
		invalid(list(cursor), "/problems/invalid-parameter");
		verifyNoInteractions(this.plans);
	}

	@Test
	void aCursorTheApiWroteIsFollowed() {
		given(this.plans.findByClient(eq("demo"), any(), any(), anyInt())).willReturn(Flux.empty());
		PlanCursor written = new PlanCursor(Instant.parse("2026-11-24T10:15:30.123456Z"), UUID.fromString(PLAN));

		list(written.encode()).expectStatus().isOk();

		verify(this.plans).findByClient(eq("demo"), any(), eq(written), anyInt());
	}

	@ParameterizedTest(name = "Idempotency-Key {0} is refused")
	@ValueSource(strings = { "has space", "tab\tkey", "ключ" })
	void anIdempotencyKeyThatCannotBeForwardedIsRefusedNamingIt(String key) {
		String body = invalid(post(key), "/problems/invalid-parameter");

		assertThat(body).contains("\"field\":\"Idempotency-Key\"");
		verifyNoInteractions(this.intake);
	}

	@Test
	void anOverlongIdempotencyKeyIsRefusedNamingIt() {
		invalid(post("k".repeat(256)), "/problems/invalid-parameter");
		verifyNoInteractions(this.intake);
	}

	@Test
	void intakesRefusalNamesThePublicPathNeverIntakes() {
		byte[] problem = ("{\"type\":\"/problems/invalid-plan-request\",\"title\":\"Invalid plan request\","
				+ "\"status\":400,\"instance\":\"/internal/v1/plan-requests\",\"errors\":[{\"field\":\"budgetUsd\","
				+ "\"message\":\"must be between 0 and 1000000000000\"}]}")
			.getBytes(StandardCharsets.UTF_8);
		given(this.intake.submit(any(), any(), any(), any(), any()))
			.willReturn(Mono.just(new IntakeClient.IntakeAnswer(HttpStatus.BAD_REQUEST,
					MediaType.APPLICATION_PROBLEM_JSON, problem, false, null, null)));

		String body = invalid(post(null), "/problems/invalid-plan-request");

		assertThat(body).contains("\"instance\":\"/api/v1/plans\"");
	}

	@Test
	void aContentTypeThatDoesNotParseIsAnUnsupportedMediaTypeProblemNotA500() {
		String body = this.client.post()
			.uri("/api/v1/plans")
			.header("X-Api-Key", DEMO_KEY)
			.header("Content-Type", "garbage")
			// raw buffers: the client's encoder itself refuses a type it cannot parse
			.body(BodyInserters.fromDataBuffers(
					Flux.just(DefaultDataBufferFactory.sharedInstance.wrap("{}".getBytes(StandardCharsets.UTF_8)))))
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).contains("/problems/unsupported-media-type").contains("'garbage'");
		verifyNoInteractions(this.intake);
	}

	private WebTestClient.ResponseSpec list(String cursor) {
		return this.client.get()
			.uri((uri) -> uri.path("/api/v1/plans").queryParam("cursor", "{cursor}").build(cursor))
			.header("X-Api-Key", DEMO_KEY)
			.exchange();
	}

	private WebTestClient.ResponseSpec post(String idempotencyKey) {
		return this.client.post().uri("/api/v1/plans").header("X-Api-Key", DEMO_KEY).headers((headers) -> {
			if (idempotencyKey != null) {
				headers.set("Idempotency-Key", idempotencyKey);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
	}

	private static String encode(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static String invalid(WebTestClient.ResponseSpec response, String type) {
		String body = response.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"type\":\"" + type + "\"")
			.doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w+")
			.doesNotContain("Exception")
			.doesNotContain("/internal/");
		return body;
	}

}
