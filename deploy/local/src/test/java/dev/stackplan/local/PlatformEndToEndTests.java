package dev.stackplan.local;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four services as separate application contexts on one real Kafka broker and one
 * real Postgres, driven only through the gateway's public API, as a client would.
 */
class PlatformEndToEndTests {

	private static WebTestClient gateway() {
		return SharedPlatform.gateway(SharedPlatform.DEMO_KEY);
	}

	@Test
	void fiftyVariedPlansAllCompleteWithBothHalvesAndSurviveARestartOfEveryService() {
		List<Map<String, Object>> requests = PlanRequestMother.varied("Product", 50);
		List<UUID> planIds = new ArrayList<>();
		for (Map<String, Object> request : requests) {
			planIds.add(SharedPlatform.accept(gateway(), request));
		}

		Map<UUID, JsonNode> completed = new HashMap<>();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			for (UUID planId : planIds) {
				if (!completed.containsKey(planId)) {
					JsonNode plan = SharedPlatform.plan(gateway(), planId);
					if ("COMPLETE".equals(plan.path("status").asString())) {
						completed.put(planId, plan);
					}
				}
			}
			assertThat(completed).hasSize(planIds.size());
		});
		for (int i = 0; i < planIds.size(); i++) {
			assertBothHalves(completed.get(planIds.get(i)), requests.get(i));
		}
		assertThat(assembledPlanIds(planIds.size())).containsAll(planIds);

		SharedPlatform.restart();

		for (UUID planId : planIds) {
			assertThat(SharedPlatform.plan(gateway(), planId)).as("plan %s after a restart", planId)
				.isEqualTo(completed.get(planId));
		}
	}

	@Test
	void aPlanIsReadableRightAfterItWasAccepted() {
		UUID planId = SharedPlatform.accept(gateway(), PlanRequestMother.seedStageSaas());

		JsonNode plan = SharedPlatform.plan(gateway(), planId);

		assertThat(plan.path("planId").asString()).isEqualTo(planId.toString());
		assertThat(plan.path("status").asString()).isIn("PENDING", "COMPLETE");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode complete = SharedPlatform.plan(gateway(), planId);
			assertThat(complete.path("status").asString()).isEqualTo("COMPLETE");
			assertThat(complete.path("requestedAt")).as("a plan keeps its place in the list")
				.isEqualTo(plan.path("requestedAt"));
		});
	}

	@Test
	void badInputIsRejectedWithAProblemNamingTheFieldAndItsAllowedValues() {
		Map<String, Object> request = PlanRequestMother.request("Acme", "BLOCKCHAIN", List.of("AUTH"), 10, "NONE", 1, 0,
				12, null);

		JsonNode problem = SharedPlatform.problem(gateway().post()
			.uri("/api/v1/plans")
			.attribute(ContractCheck.INVALID_REQUEST, "a product kind the API does not know")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange(), HttpStatus.BAD_REQUEST);

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("product.kind");
		assertThat(problem.at("/errors/0/allowedValues").toString()).contains("SAAS", "ML_INFERENCE");
	}

	@Test
	void anUnknownPlanIsNotFound() {
		gateway().get()
			.uri("/api/v1/plans/{id}", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static void assertBothHalves(JsonNode plan, Map<String, Object> request) {
		String recommendation = plan.path("stack").path("recommendation").asString();
		assertThat(recommendation).isIn("DJANGO", "FASTAPI", "HYBRID");
		assertThat(plan.path("knowledgeVersion").asString()).isNotBlank();
		assertThat(plan.path("request").path("product").path("name").asString())
			.isEqualTo(((Map<?, ?>) request.get("product")).get("name"));
		JsonNode options = plan.path("stack").path("options");
		assertThat(options).hasSize(3);
		for (JsonNode option : options) {
			assertThat(option.path("score").decimalValue()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
			assertThat(option.path("factors")).isNotEmpty();
			option.path("factors").forEach((factor) -> assertThat(factor.path("source").asString()).isNotBlank());
		}
		JsonNode staffing = plan.path("staffing");
		assertThat(staffing.path("option").asString()).isEqualTo(recommendation);
		assertThat(staffing.path("roles")).isNotEmpty();
		assertThat(staffing.path("onDemand").path("totalUsd").decimalValue()).isPositive();
		assertThat(staffing.path("fullTime").path("totalUsd").path("low").decimalValue()).isPositive();
		assertThat(staffing.path("byOption")).hasSize(3);
	}

	/** Reads plan.assembled from the beginning with a group of its own. */
	private static Set<UUID> assembledPlanIds(int atLeast) {
		Set<UUID> ids = new HashSet<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(PlanEvent.PLAN_ASSEMBLED.topic()));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (ids.size() < atLeast && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					ids.add(UUID.fromString(record.key()));
				}
			}
		}
		return ids;
	}

}
