package dev.stackplan.local;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.local.PlatformServices.Service;
import dev.stackplan.testsupport.ParallelClients;
import dev.stackplan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public plan API as its clients meet it: every answer it can give, against the real
 * flow.
 */
class PublicApiEndToEndTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebTestClient demo = SharedPlatform.gateway(SharedPlatform.DEMO_KEY);

	private final WebTestClient other = SharedPlatform.gateway(SharedPlatform.OTHER_KEY);

	@Test
	void withoutAKeyOrWithAWrongKeyEveryPlanEndpointIs401() {
		WebTestClient anonymous = SharedPlatform.anonymous();

		SharedPlatform.keyRequired(anonymous.get().uri("/api/v1/plans").exchange());
		anonymous.post()
			.uri("/api/v1/plans")
			.header("Authorization", "Bearer not-a-key")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(PlanRequestMother.seedStageSaas())
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void anotherClientCannotReadListOrStreamAPlan() {
		UUID planId = SharedPlatform.accept(this.demo, PlanRequestMother.seedStageSaas());

		this.other.get().uri("/api/v1/plans/{id}", planId).exchange().expectStatus().isNotFound();
		this.other.get().uri("/api/v1/plans/{id}/events", planId).exchange().expectStatus().isNotFound();
		JsonNode page = SharedPlatform.read(this.other, "/api/v1/plans?limit=100");
		assertThat(page.path("items").findValuesAsString("planId")).doesNotContain(planId.toString());
		this.demo.get().uri("/api/v1/plans/{id}", planId).exchange().expectStatus().isOk();
	}

	@Test
	void preferWaitAnswersWithTheCompletePlan() {
		EntityExchangeResult<JsonNode> result = this.demo.post()
			.uri("/api/v1/plans")
			.header("Prefer", "wait=20")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(PlanRequestMother.seedStageSaas())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Preference-Applied", "wait=20")
			.expectBody(JsonNode.class)
			.returnResult();

		JsonNode plan = result.getResponseBody();
		assertThat(plan.path("status").asString()).isEqualTo("COMPLETE");
		assertThat(plan.path("stack").path("recommendation").asString()).isEqualTo("DJANGO");
		assertThat(plan.path("staffing").path("option").asString()).isEqualTo("DJANGO");
	}

	@Test
	void thePlanEventStreamShowsEachStatusAndEndsWhenThePlanIsComplete() {
		UUID planId = SharedPlatform.accept(this.demo, PlanRequestMother.seedStageSaas());

		List<ServerSentEvent<JsonNode>> events = this.demo.get()
			.uri("/api/v1/plans/{id}/events", planId)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(events).isNotEmpty().allSatisfy((event) -> assertThat(event.event()).isEqualTo("status"));
		assertThat(events.get(events.size() - 1).data().path("status").asString()).isEqualTo("COMPLETE");
		assertThat(events).extracting((event) -> event.data().path("status").asString()).doesNotHaveDuplicates();
	}

	@Test
	void plansAreListedNewestFirstInPagesAndFilteredByStatus() {
		UUID first = SharedPlatform.accept(this.demo, PlanRequestMother.seedStageSaas());
		UUID second = SharedPlatform.accept(this.demo, PlanRequestMother.seedStageSaas());
		UUID third = SharedPlatform.accept(this.demo, PlanRequestMother.seedStageSaas());

		JsonNode page1 = list("/api/v1/plans?limit=2");
		assertThat(page1.path("items").findValuesAsString("planId")).containsExactly(third.toString(),
				second.toString());
		JsonNode page2 = list("/api/v1/plans?limit=2&cursor=" + page1.path("nextCursor").asString());
		assertThat(page2.path("items").get(0).path("planId").asString()).isEqualTo(first.toString());

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					list("/api/v1/plans?status=COMPLETE&limit=100").path("items").findValuesAsString("planId"))
				.contains(first.toString(), second.toString(), third.toString()));
		assertThat(list("/api/v1/plans?status=FAILED&limit=100").path("items").findValuesAsString("status"))
			.isSubsetOf("FAILED");
	}

	@Test
	void badQueryParametersAre400NamingTheParameter() {
		problem(this.demo.get().uri("/api/v1/plans?limit=0").exchange(), HttpStatus.BAD_REQUEST, "limit");
		problem(this.demo.get().uri("/api/v1/plans?status=DONE").exchange(), HttpStatus.BAD_REQUEST, "status");
		problem(this.demo.get().uri("/api/v1/plans?cursor=garbage!").exchange(), HttpStatus.BAD_REQUEST, "cursor");
	}

	@Test
	void badBodiesAre400NamingTheFieldAndNeverA5xx() {
		problem(postRaw("{\"product\": {", MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST, null);
		Map<String, Object> outOfRange = PlanRequestMother.request("Acme", "SAAS", List.of(), -5, "NONE", 1, 0, 12,
				null);
		problem(this.demo.post()
			.uri("/api/v1/plans")
			.attribute(ContractCheck.INVALID_REQUEST, "a negative expectedRps")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(outOfRange)
			.exchange(), HttpStatus.BAD_REQUEST, "product.expectedRps");
		Map<String, Object> unknownEnum = PlanRequestMother.request("Acme", "SAAS", List.of("TELEPATHY"), 5, "NONE", 1,
				0, 12, null);
		problem(this.demo.post()
			.uri("/api/v1/plans")
			.attribute(ContractCheck.INVALID_REQUEST, "an unknown feature")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(unknownEnum)
			.exchange(), HttpStatus.BAD_REQUEST, "product.features[0]");
	}

	@Test
	void aBodyOver64KiBIs413() {
		String huge = "{\"product\": {\"name\": \"" + "x".repeat(70 * 1024) + "\"}}";

		problem(postRaw(huge, MediaType.APPLICATION_JSON), HttpStatus.CONTENT_TOO_LARGE, null);
	}

	@Test
	void oversizeHeadersAreA431Problem() {
		problem(this.demo.get().uri("/api/v1/plans").header("X-Padding", "y".repeat(20 * 1024)).exchange(),
				HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, null);
	}

	@Test
	void aClientOverItsRateLimitGets429WithRetryAfter() {
		WebTestClient limited = SharedPlatform.gateway(SharedPlatform.LIMITED_KEY);
		limited.get().uri("/api/v1/plans").exchange();
		limited.get().uri("/api/v1/plans").exchange();

		limited.get()
			.uri("/api/v1/plans")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.valueMatches("Retry-After", "[1-9][0-9]*")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void twentyParallelRequestsWithOneIdempotencyKeyCreateOnePlanAndAllLearnItsId() {
		String key = UUID.randomUUID().toString();
		Set<Integer> statuses = ConcurrentHashMap.newKeySet();

		List<String> planIds = ParallelClients
			.callAtOnce(20,
					(i) -> this.demo.post()
						.uri("/api/v1/plans")
						.header("Idempotency-Key", key)
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(PlanRequestMother.seedStageSaas())
						.exchange()
						.expectBody(JsonNode.class)
						.returnResult())
			.stream()
			.peek((result) -> statuses.add(result.getStatus().value()))
			.map((result) -> result.getResponseBody().path("planId").asString())
			.toList();

		assertThat(statuses).as("statuses first, so a failure names them").isSubsetOf(202, 409);
		assertThat(planIds).hasSize(20).containsOnly(planIds.get(0));
		this.demo.post()
			.uri("/api/v1/plans")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(PlanRequestMother.seedStageSaas())
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody()
			.jsonPath("$.planId")
			.isEqualTo(planIds.get(0));
		Map<String, Object> different = PlanRequestMother.request("Other", "CMS", List.of(), 5, "NONE", 1, 0, 4, null);
		problem(this.demo.post()
			.uri("/api/v1/plans")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(different)
			.exchange(), HttpStatus.UNPROCESSABLE_CONTENT, null);
	}

	@Test
	void aPlanWhoseScoringIsDownIsPartialWithTheReasonAndCompletesOnceScoringIsBack() {
		PlatformServices services = SharedPlatform.services();
		Map<String, Double> before = gatewayMetrics();
		services.stop(Service.SCORING);
		UUID planId;
		try {
			planId = SharedPlatform.accept(this.demo, PlanRequestMother.seedStageSaas());

			await().atMost(SharedPlatform.PLAN_TIMEOUT.plusSeconds(20)).untilAsserted(() -> {
				JsonNode plan = SharedPlatform.plan(this.demo, planId);
				assertThat(plan.path("status").asString()).isEqualTo("PARTIAL");
				assertThat(plan.path("missing").get(0).path("half").asString()).isEqualTo("stack");
				assertThat(plan.path("missing").get(0).path("reason").asString()).contains("scoring did not answer");
				assertThat(plan.path("staffing").path("byOption")).hasSize(3);
			});
		}
		finally {
			services.start(Service.SCORING);
		}

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(SharedPlatform.plan(this.demo, planId).path("status").asString())
				.isEqualTo("COMPLETE"));
		assertThat(SharedPlatform.plan(this.demo, planId).path("missing").isMissingNode()).isTrue();

		// one plan: assembled once (PARTIAL), then one change of its final state; a
		// latency for each final state it reached
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<String, Double> after = gatewayMetrics();
			assertThat(
					delta(before, after, "stackplan_plans_assembled_total{application=\"gateway\",status=\"PARTIAL\"}"))
				.isEqualTo(1);
			assertThat(delta(before, after,
					"stackplan_plans_assembled_total{application=\"gateway\",status=\"COMPLETE\"}"))
				.isZero();
			assertThat(delta(before, after,
					"stackplan_plans_final_changes_total{application=\"gateway\",from=\"PARTIAL\",to=\"COMPLETE\"}"))
				.isEqualTo(1);
			assertThat(delta(before, after,
					"stackplan_plan_latency_seconds_count{application=\"gateway\",status=\"PARTIAL\"}"))
				.isEqualTo(1);
			assertThat(delta(before, after,
					"stackplan_plan_latency_seconds_count{application=\"gateway\",status=\"COMPLETE\"}"))
				.isEqualTo(1);
		});
	}

	@Test
	void actuatorInfoNamesEachService() {
		for (Service service : Service.values()) {
			WebTestClient.bindToServer()
				.baseUrl("http://127.0.0.1:" + SharedPlatform.services().managementPort(service))
				.build()
				.get()
				.uri("/actuator/info")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.build.artifact")
				.isEqualTo(service.name().toLowerCase(Locale.ROOT));
		}
	}

	@Test
	void everyCustomMetricHasAHelpText() {
		String scrape = SharedPlatform.scrape(Service.GATEWAY) + SharedPlatform.scrape(Service.INTAKE)
				+ SharedPlatform.scrape(Service.SCORING) + SharedPlatform.scrape(Service.COSTING);
		List<String> emptyHelp = scrape.lines()
			.filter((line) -> line.startsWith("# HELP stackplan_"))
			.filter((line) -> line.split(" ", 4).length < 4 || line.split(" ", 4)[3].isBlank())
			.toList();
		assertThat(scrape).contains("# HELP stackplan_");
		assertThat(emptyHelp).isEmpty();
	}

	/** The gateway's stackplan samples by series, as Prometheus scrapes them. */
	private static Map<String, Double> gatewayMetrics() {
		Map<String, Double> samples = new HashMap<>();
		SharedPlatform.scrape(Service.GATEWAY)
			.lines()
			.filter((line) -> line.startsWith("stackplan_"))
			.forEach((line) -> {
				int space = line.lastIndexOf(' ');
				samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
			});
		return samples;
	}

	private static double delta(Map<String, Double> before, Map<String, Double> after, String series) {
		return after.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0);
	}

	@Test
	void aPlanThatWaitsWhileScoringRunsIsLateNotPartialAndTurnsPartialOnlyOnceScoringIsGone() throws Exception {
		PlatformServices services = SharedPlatform.services();
		services.stop(Service.SCORING);
		UUID planId;
		try (StandInConsumer standIn = new StandInConsumer(ConsumerGroups.SCORING,
				TestInfrastructure.kafkaBootstrapServers())) {
			// a member of scoring's group that takes no work: scoring runs, the plan
			// queues
			planId = SharedPlatform.accept(this.demo, PlanRequestMother.seedStageSaas());
			Thread.sleep(SharedPlatform.PLAN_TIMEOUT.plusSeconds(3).toMillis());

			assertThat(SharedPlatform.plan(this.demo, planId).path("status").asString()).isEqualTo("PENDING");
		}
		try {
			await().atMost(SharedPlatform.PLAN_TIMEOUT.plusSeconds(60))
				.untilAsserted(() -> assertThat(SharedPlatform.plan(this.demo, planId).path("status").asString())
					.isEqualTo("PARTIAL"));
		}
		finally {
			services.start(Service.SCORING);
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(SharedPlatform.plan(this.demo, planId).path("status").asString())
				.isEqualTo("COMPLETE"));
	}

	@Test
	void errorsNoControllerAnswersAreProblemsOnEveryService() {
		assertProblem(
				this.demo.get().uri("/nope").attribute(ContractCheck.UNDOCUMENTED_ROUTE, "an unknown route").exchange(),
				HttpStatus.NOT_FOUND, "/problems/not-found");
		WebTestClient anonymous = SharedPlatform.anonymous();
		assertProblem(
				anonymous.get().uri("/nope").attribute(ContractCheck.UNDOCUMENTED_ROUTE, "an unknown route").exchange(),
				HttpStatus.UNAUTHORIZED, "/problems/unauthorized");
		WebTestClient.ResponseSpec delete = this.demo.delete()
			.uri("/api/v1/plans/{id}", UUID.randomUUID())
			.attribute(ContractCheck.UNDOCUMENTED_ROUTE, "a method the route does not take")
			.exchange();
		delete.expectHeader().valueEquals("Allow", "GET");
		assertProblem(delete, HttpStatus.METHOD_NOT_ALLOWED, "/problems/method-not-allowed");
		assertProblem(this.demo.post()
			.uri("/api/v1/plans")
			.attribute(ContractCheck.INVALID_REQUEST, "a body without a content type")
			.bodyValue("{}".getBytes())
			.exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "/problems/unsupported-media-type");
		// every problem type is a page of the gateway
		anonymous.get()
			.uri("/problems/method-not-allowed")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
		assertThat(SharedPlatform.ok(anonymous.get().uri("/"), String.class)).contains("/docs").contains("/readme");
		// the internal services answer problems too, on their own ports
		PlatformServices services = SharedPlatform.services();
		for (Service service : List.of(Service.INTAKE, Service.SCORING, Service.COSTING)) {
			WebTestClient internal = WebTestClient.bindToServer()
				.baseUrl("http://127.0.0.1:" + services.port(service))
				.build();
			internal.get()
				.uri("/nope")
				.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).isIn(401, 404))
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void realAnswersAreDocumentedInTheContract() {
		String plans = "/api/v1/plans";
		String plan = "/api/v1/plans/{planId}";
		WebTestClient anonymous = SharedPlatform.anonymous();
		Map<String, Object> request = PlanRequestMother.seedStageSaas();
		ContractCheck.documented("POST", plans,
				this.demo.post()
					.uri(plans)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(request)
					.exchange()
					.expectBody()
					.returnResult());
		EntityExchangeResult<byte[]> waited = this.demo.post()
			.uri(plans)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Prefer", "wait=20")
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		ContractCheck.documented("POST", plans, waited);
		String planId = waited.getResponseHeaders().getLocation().getPath().replace("/api/v1/plans/", "");
		ContractCheck.documented("GET", plan,
				this.demo.get().uri("/api/v1/plans/{id}", planId).exchange().expectBody().returnResult());
		ContractCheck.documented("GET", plan,
				this.demo.get().uri("/api/v1/plans/{id}", UUID.randomUUID()).exchange().expectBody().returnResult());
		ContractCheck.documented("GET", "/api/v1/plans/{planId}/events",
				this.demo.get()
					.uri("/api/v1/plans/{id}/events", planId)
					.accept(MediaType.TEXT_EVENT_STREAM)
					.exchange()
					.expectBody()
					.returnResult());
		ContractCheck.documented("GET", plans,
				this.demo.get().uri(plans + "?limit=2").exchange().expectBody().returnResult());
		ContractCheck.documented("GET", plans,
				this.demo.get().uri(plans + "?limit=0").exchange().expectBody().returnResult());
		ContractCheck.documented("GET", plans, anonymous.get().uri(plans).exchange().expectBody().returnResult());
		ContractCheck.documented("POST", plans,
				this.demo.post()
					.uri(plans)
					.attribute(ContractCheck.INVALID_REQUEST, "a body in text/plain")
					.contentType(MediaType.TEXT_PLAIN)
					.bodyValue("a shop")
					.exchange()
					.expectBody()
					.returnResult());
		ContractCheck.documented("POST", plans,
				this.demo.post()
					.uri(plans)
					.attribute(ContractCheck.INVALID_REQUEST, "malformed JSON")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{\"product\": {")
					.exchange()
					.expectBody()
					.returnResult());
		ContractCheck.documented("GET", "/api/v1/scenarios",
				this.demo.get().uri("/api/v1/scenarios").exchange().expectBody().returnResult());
		ContractCheck.documented("GET", "/v3/api-docs",
				anonymous.get().uri("/v3/api-docs").exchange().expectBody().returnResult());
		ContractCheck.documented("GET", "/docs", anonymous.get().uri("/docs").exchange().expectBody().returnResult());
		ContractCheck.documented("GET", "/problems/{name}",
				anonymous.get().uri("/problems/plan-not-found").exchange().expectBody().returnResult());
	}

	@Test
	void everySourceAPlanCitesResolvesToAnArticleLineOrADeclaredAssumptionOrReference() throws Exception {
		UUID planId = SharedPlatform.accept(this.demo, PlanRequestMother.seedStageSaas());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "COMPLETE".equals(SharedPlatform.plan(this.demo, planId).path("status").asString()));
		JsonNode plan = SharedPlatform.plan(this.demo, planId);
		EntityExchangeResult<JsonNode> answer = this.demo.get()
			.uri("/api/v1/knowledge")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult();
		ContractCheck.documented("GET", "/api/v1/knowledge", answer);
		JsonNode knowledge = answer.getResponseBody();

		assertThat(knowledge.path("knowledgeVersion").asString()).isEqualTo(plan.path("knowledgeVersion").asString());
		try (InputStream article = getClass().getClassLoader()
			.getResourceAsStream("knowledge/sources/django-vs-fastapi-2026.txt")) {
			assertThat(knowledge.at("/article/lines").valueStream().map(JsonNode::asString).toList())
				.as("line N of the article is lines[N-1]")
				.isEqualTo(new String(article.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
		}
		List<String> sources = plan.findValuesAsString("source");
		assertThat(sources).hasSizeGreaterThan(20);
		for (String source : sources) {
			String[] kindAndId = source.split(":", 2);
			switch (kindAndId[0]) {
				case "article", "inference" -> {
					String[] lines = kindAndId[1].split("-");
					for (int line = Integer.parseInt(lines[0]); line <= Integer
						.parseInt(lines[lines.length - 1]); line++) {
						assertThat(knowledge.at("/article/lines/" + (line - 1)).asString()).as(source).isNotBlank();
					}
				}
				case "assumption" ->
					assertThat(knowledge.at("/assumptions/" + kindAndId[1] + "/reason").asString()).as(source)
						.isNotBlank();
				case "reference" ->
					assertThat(knowledge.at("/references/" + kindAndId[1] + "/citation").asString()).as(source)
						.isNotBlank();
				default -> throw new AssertionError("An unknown kind of source: " + source);
			}
		}
		// the figures a scenario may override, by the path its merge patch takes
		JsonNode seniorRate = null;
		for (JsonNode figure : knowledge.path("overridable")) {
			if (figure.path("path").asString().equals("cost/onDemand/tiers/SENIOR/weeklyUsd")) {
				seniorRate = figure;
			}
		}
		assertThat(seniorRate).isNotNull();
		assertThat(seniorRate.path("value").decimalValue()).isEqualByComparingTo("1500");
	}

	@Test
	void theServedApiDocsAreTheContractAndActuatorIsNotOnThePublicPort() throws Exception {
		JsonNode served = SharedPlatform.read(this.demo, "/v3/api-docs");
		try (InputStream contract = getClass().getClassLoader().getResourceAsStream("openapi/plan-api.yaml")) {
			Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(contract);
			assertThat(served).isEqualTo(JSON.valueToTree(yaml));
		}
		// Swagger UI can authorize with either key form, against the server it was loaded
		// from
		assertThat(served.path("components").path("securitySchemes").propertyNames()).contains("bearerKey",
				"headerKey");
		assertThat(served.has("servers")).isFalse();
		this.demo.get()
			.uri("/docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
		this.demo.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
	}

	private JsonNode list(String uri) {
		return SharedPlatform.read(this.demo, uri);
	}

	private WebTestClient.ResponseSpec postRaw(String body, MediaType type) {
		return this.demo.post()
			.uri("/api/v1/plans")
			.attribute(ContractCheck.INVALID_REQUEST, "a raw body, to see how the gateway reads it")
			.contentType(type)
			.bodyValue(body)
			.exchange();
	}

	/** RFC 9457 members, a type that is a gateway page, and no Java class named. */
	private static void assertProblem(WebTestClient.ResponseSpec response, HttpStatus status, String type) {
		JsonNode problem = SharedPlatform.problem(response, status);
		assertThat(problem.path("type").asString()).isEqualTo(type);
		assertThat(problem.path("status").asInt()).isEqualTo(status.value());
		assertThat(problem.path("title").asString()).isNotEmpty();
		assertThat(problem.path("detail").asString()).isNotEmpty();
		assertThat(problem.path("instance").asString()).startsWith("/");
		assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("org.springframework");
	}

	private static void problem(WebTestClient.ResponseSpec response, HttpStatus status, String field) {
		JsonNode problem = SharedPlatform.problem(response, status);
		assertThat(problem.path("status").asInt()).isEqualTo(status.value());
		assertThat(problem.path("instance").asString("")).doesNotContain("internal");
		if (field != null) {
			assertThat(problem.path("errors").findValuesAsString("field")).contains(field);
		}
	}

}
