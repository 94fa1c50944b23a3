package dev.stackplan.intake.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.stackplan.contracts.intake.IntakeApi;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.intake.IntakeProperties;
import dev.stackplan.testsupport.ParallelClients;
import dev.stackplan.testsupport.TopicReader;
import dev.stackplan.testsupport.UsesTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stripe's idempotency semantics on a real broker and a real Postgres. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stackplan.topics.partitions=3", "stackplan.intake.idempotency-takeover=2s" })
@AutoConfigureWebTestClient
class IdempotencyKeyKafkaTests implements UsesTestInfrastructure {

	private static final String BODY = GatewayCalls.VALID_REQUEST;

	@Autowired
	WebTestClient client;

	@Autowired
	IntakeProperties properties;

	@Autowired
	DatabaseClient db;

	/**
	 * These tests are about keys, not about a cold start: the first sends of a fresh JVM
	 * can outlast intake's acknowledgement bound on a busy machine (an answer of 503 with
	 * Retry-After, which a client retries).
	 */
	@BeforeEach
	void intakeHasPublishedBefore() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> post(UUID.randomUUID().toString(), BODY).getStatus().value() == 202);
	}

	@Test
	void twentyParallelClientsWithOneKeyCreateExactlyOnePlanAndAllLearnItsId() {
		String key = UUID.randomUUID().toString();
		Set<Integer> statuses = ConcurrentHashMap.newKeySet();

		List<String> planIds = ParallelClients.callAtOnce(20, (i) -> post(key, BODY))
			.stream()
			.peek((result) -> statuses.add(result.getStatus().value()))
			.map((result) -> result.getResponseBody().path("planId").asString())
			.toList();

		assertThat(statuses).isSubsetOf(202, 409);
		assertThat(planIds).hasSize(20).containsOnly(planIds.get(0));
		try (TopicReader topic = new TopicReader(PlanEvent.PLAN_REQUESTED.topic())) {
			assertThat(topic.awaitKey(planIds.get(0), 2, Duration.ofSeconds(5))).as("published once").hasSize(1);
		}
	}

	@Test
	void aRetryWithTheSameKeyAndBodyGetsTheSamePlan() {
		String key = UUID.randomUUID().toString();

		EntityExchangeResult<JsonNode> first = post(key, BODY);
		EntityExchangeResult<JsonNode> retry = post(key, BODY.replace("\"Acme\"", "  \"Acme\" "));

		assertThat(first.getStatus().value()).isEqualTo(202);
		assertThat(retry.getStatus().value()).isEqualTo(202);
		assertThat(retry.getResponseHeaders().getFirst(IntakeApi.REPLAYED_HEADER)).isEqualTo("true");
		assertThat(retry.getResponseBody().path("planId")).isEqualTo(first.getResponseBody().path("planId"));
	}

	@Test
	void theSameKeyWithADifferentBodyIsUnprocessable() {
		String key = UUID.randomUUID().toString();
		post(key, BODY);

		EntityExchangeResult<JsonNode> other = post(key, BODY.replace("\"SAAS\"", "\"CMS\""));

		assertThat(other.getStatus().value()).isEqualTo(422);
		assertThat(other.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theSameKeyWhileTheFirstIsInFlightIsAConflictNamingThePlanAndAnAbandonedOneIsTakenOver() {
		String key = UUID.randomUUID().toString();
		UUID planId = UUID.randomUUID();
		String hash = hashOfBodyUnder(UUID.randomUUID().toString());
		this.db.sql("""
				insert into idempotency_keys (client_id, idempotency_key, request_sha256, plan_id, state)
				values ('public', :key, :hash, :plan, 'IN_FLIGHT')
				""").bind("key", key).bind("hash", hash).bind("plan", planId).then().block();

		EntityExchangeResult<JsonNode> inFlight = post(key, BODY);
		assertThat(inFlight.getStatus().value()).isEqualTo(409);
		assertThat(inFlight.getResponseBody().path("planId").asString()).isEqualTo(planId.toString());

		this.db.sql("update idempotency_keys set updated_at = :old where idempotency_key = :key")
			.bind("old", Instant.now().minusSeconds(60))
			.bind("key", key)
			.then()
			.block();
		EntityExchangeResult<JsonNode> takenOver = post(key, BODY);
		assertThat(takenOver.getStatus().value()).isEqualTo(202);
		assertThat(takenOver.getResponseBody().path("planId").asString()).isEqualTo(planId.toString());
	}

	@Test
	void anUnusableKeyIsRejectedByName() {
		EntityExchangeResult<JsonNode> result = post("x".repeat(256), BODY);

		assertThat(result.getStatus().value()).isEqualTo(400);
		assertThat(result.getResponseBody().path("errors").get(0).path("field").asString())
			.isEqualTo("Idempotency-Key");
	}

	/**
	 * The hash intake stores for BODY: learnt by sending it once under a throwaway key.
	 */
	private String hashOfBodyUnder(String throwawayKey) {
		post(throwawayKey, BODY);
		return this.db.sql("select request_sha256 from idempotency_keys where idempotency_key = :key")
			.bind("key", throwawayKey)
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
	}

	private EntityExchangeResult<JsonNode> post(String key, String body) {
		return GatewayCalls.planRequest(this.client, this.properties)
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult();
	}

}
