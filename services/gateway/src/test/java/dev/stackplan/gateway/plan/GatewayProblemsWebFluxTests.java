package dev.stackplan.gateway.plan;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import dev.stackplan.gateway.GatewayWebFluxTest;
import dev.stackplan.kit.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

/**
 * Every error of the public port is an RFC 9457 problem, whoever raised it: routing (404,
 * 405 with {@code Allow}, 415, 406), a controller that fails (500, naming no class), and
 * every problem type has a page. The real security chain, controllers and error handler;
 * only the store and intake are stubbed.
 */
@GatewayWebFluxTest(controllers = PlanController.class,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "dev\\.stackplan\\.gateway\\.(client\\.ApiSecurityConfiguration|docs\\..*Controller)"))
@ExtendWith(OutputCaptureExtension.class)
class GatewayProblemsWebFluxTests extends PlanControllerSlice {

	private static final int README_READ_LIMIT = 1024 * 1024;

	@Test
	void anUnknownRouteIsANotFoundProblem() {
		String body = problem(this.client.get().uri("/nope").header("X-Api-Key", DEMO_KEY).exchange(), 404,
				"/problems/not-found", "Not Found", "/nope");
		assertThat(body).contains("/docs");
	}

	@Test
	void anUnknownRouteWithoutAKeyIsAnUnauthorizedProblem() {
		problem(this.client.get().uri("/nope").exchange(), 401, "/problems/unauthorized", "Unauthorized", "/nope");
	}

	@Test
	void aWrongMethodIsAMethodNotAllowedProblemWithAllow() {
		String path = "/api/v1/plans/" + UUID.randomUUID();
		WebTestClient.ResponseSpec response = this.client.delete().uri(path).header("X-Api-Key", DEMO_KEY).exchange();
		response.expectHeader().valueEquals("Allow", "GET");
		problem(response, 405, "/problems/method-not-allowed", "Method Not Allowed", path);
	}

	@Test
	void aPostWithoutAContentTypeIsAnUnsupportedMediaTypeProblem() {
		String body = problem(this.client.post()
			.uri("/api/v1/plans")
			.header("X-Api-Key", DEMO_KEY)
			.bodyValue("{\"description\":\"a shop\"}".getBytes())
			.exchange(), 415, "/problems/unsupported-media-type", "Unsupported Media Type", "/api/v1/plans");
		assertThat(body).contains("application/json");
	}

	@Test
	void aPostAsTextIsAnUnsupportedMediaTypeProblem() {
		problem(this.client.post()
			.uri("/api/v1/plans")
			.header("X-Api-Key", DEMO_KEY)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("a shop")
			.exchange(), 415, "/problems/unsupported-media-type", "Unsupported Media Type", "/api/v1/plans");
	}

	@Test
	void anAcceptNobodyProducesIsANotAcceptableProblem() {
		problem(this.client.get().uri("/v3/api-docs").accept(MediaType.TEXT_XML).exchange(), 406,
				"/problems/not-acceptable", "Not Acceptable", "/v3/api-docs");
	}

	@Test
	void aFailingControllerIsAnInternalErrorProblemThatNamesNoClass(CapturedOutput output) {
		UUID planId = UUID.randomUUID();
		given(this.plans.findOwned(planId, "demo"))
			.willReturn(Mono.error(new IllegalStateException("connection pool exhausted")));
		String body = problem(
				this.client.get()
					.uri("/api/v1/plans/{id}", planId)
					.header("X-Api-Key", DEMO_KEY)
					.header("X-Request-Id", "failing-request")
					.exchange(),
				500, "/problems/internal-server-error", "Internal Server Error", "/api/v1/plans/" + planId);
		assertThat(body).doesNotContain("connection pool").doesNotContain("IllegalState");
		// the cause is in the log, on a line that names the request
		assertThat(output.getOut()).containsPattern("\\[failing-request\\] .*Answered 500 to GET");
	}

	@Test
	void theHomePageLinksToTheDocsAndTheReadme() {
		assertThat(html("/")).contains("href=\"/docs\"").contains("href=\"/readme\"");
		// the README is larger than the 64 KiB a request body may have; the page is
		// served whole
		this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(README_READ_LIMIT))
			.build()
			.get()
			.uri("/readme")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((text) -> assertThat(text).startsWith("# "));
	}

	@Test
	void everyProblemTypeHasAPage() {
		Stream<String> named = Stream.of("plan-not-found", "unauthorized", "rate-limited", "invalid-plan-request",
				"not-found", "method-not-allowed", "unsupported-media-type", "internal-server-error",
				"database-unavailable");
		Stream<String> kinds = Arrays.stream(ProblemKind.values()).map((kind) -> kind.type().toString());
		Stream.concat(named.map((name) -> "/problems/" + name), kinds)
			.forEach((type) -> assertThat(html(type)).contains("type: " + type));
		problem(this.client.get().uri("/problems/no-such-problem").exchange(), 404, "/problems/not-found", "Not Found",
				"/problems/no-such-problem");
	}

	@Test
	void aSaneRequestIdOfTheCallerIsEchoedInTheAnswerAndTheProblem() {
		this.client.get()
			.uri("/nope")
			.header("X-Api-Key", DEMO_KEY)
			.header("X-Request-Id", "caller-42.a:b")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals("X-Request-Id", "caller-42.a:b")
			.expectBody()
			.jsonPath("$.requestId")
			.isEqualTo("caller-42.a:b");
	}

	@Test
	void anInsaneRequestIdIsReplacedByANewOne() {
		this.client.get()
			.uri("/")
			.header("X-Request-Id", "x".repeat(65))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("X-Request-Id", "[0-9a-f-]{36}");
	}

	@Test
	void everyAnswerToAKeyCarriesTheRateLimitFields() {
		given(this.plans.findByClient(eq("demo"), any(), any(), anyInt())).willReturn(Flux.empty());
		// application.yml's default: 100 per second in bursts of 200, so the burst
		// refills in
		// 2 s
		this.client.get()
			.uri("/api/v1/plans")
			.header("X-Api-Key", DEMO_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"per-key\";q=200;w=2")
			.expectHeader()
			.valueMatches("RateLimit", "\"per-key\";r=(19[0-9]);t=[0-2]");
		this.client.get()
			.uri("/nope")
			.header("X-Api-Key", DEMO_KEY)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.exists("RateLimit");
	}

	/** Checks the RFC 9457 members and that no Java class is named; returns the body. */
	private static String problem(WebTestClient.ResponseSpec response, int status, String type, String title,
			String instance) {
		String requestId = response.returnResult(Void.class).getResponseHeaders().getFirst("X-Request-Id");
		assertThat(requestId).isNotBlank();
		response.expectBody().jsonPath("$.requestId").isEqualTo(requestId);
		byte[] body = response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(type)
			.jsonPath("$.title")
			.isEqualTo(title)
			.jsonPath("$.status")
			.isEqualTo(status)
			.jsonPath("$.instance")
			.isEqualTo(instance)
			.jsonPath("$.detail")
			.isNotEmpty()
			.returnResult()
			.getResponseBody();
		String text = new String(body);
		assertThat(text).doesNotContain("Exception").doesNotContain("org.springframework").doesNotContain("java.");
		return text;
	}

	/** A page, which must be served as HTML. */
	private String html(String path) {
		return this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
