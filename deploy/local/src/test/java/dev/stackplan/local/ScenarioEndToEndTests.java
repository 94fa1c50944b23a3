package dev.stackplan.local;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.stackplan.local.PlatformServices.Service;
import dev.stackplan.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What-if replays on the real platform: past requests read back from the log, recomputed
 * under overrides through Kafka, compared with their baseline; production never notices.
 */
class ScenarioEndToEndTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PLANS = 1000;

	private static final String SENIOR_PLUS_20 = "{\"cost\":{\"onDemand\":{\"tiers\":{\"SENIOR\":{\"weeklyUsd\":1800}}}}}";

	private static PastPlans past;

	private final WebTestClient analyst = SharedPlatform.gateway(SharedPlatform.ANALYST_KEY);

	/**
	 * A thousand past requests, as intake publishes them, all planned by production
	 * before any scenario.
	 */
	@BeforeAll
	static void aThousandPastPlans() {
		past = PastPlans.planned("Past", PLANS, Duration.ofMinutes(3));
	}

	@Test
	void aScenarioWithoutOverridesReproducesItsThousandPlanBaselineExactly() {
		JsonNode report = runToCompletion(scenario("no change", "{}"));

		assertThat(report.path("replayed").asInt()).isEqualTo(PLANS);
		assertThat(report.path("compared").asInt()).isEqualTo(PLANS);
		assertThat(report.path("identical").asInt()).isEqualTo(PLANS);
		assertThat(report.at("/aggregates/flipped").asInt()).isZero();
		assertThat(report.at("/aggregates/onDemandDeltaUsd/total").decimalValue()).isZero();
		assertThat(report.at("/aggregates/fullTimeHighDeltaUsd/total").decimalValue()).isZero();
	}

	@Test
	void seniorRatesPlusTwentyPercentChangeOnDemandCostsByExactlyWhatTheRateCardImpliesAndNothingElse()
			throws Exception {
		Map<UUID, BigDecimal> expected = expectedSeniorPlusTwentyDeltas();

		JsonNode report = runToCompletion(scenario("senior +20%", SENIOR_PLUS_20));

		assertThat(report.path("compared").asInt()).isEqualTo(PLANS);
		assertThat(report.at("/aggregates/flipped").asInt()).isZero();
		assertThat(report.at("/aggregates/fullTimeLowDeltaUsd/total").decimalValue()).isZero();
		assertThat(report.at("/aggregates/fullTimeHighDeltaUsd/total").decimalValue()).isZero();
		for (JsonNode plan : report.path("plans")) {
			UUID planId = UUID.fromString(plan.path("planId").asString());
			assertThat(plan.at("/onDemandUsd/delta").decimalValue()).as("plan %s", planId)
				.isEqualByComparingTo(expected.get(planId));
			plan.path("scoreDeltas").forEach((delta) -> assertThat(delta.decimalValue()).isZero());
		}
		BigDecimal total = expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(report.at("/aggregates/onDemandDeltaUsd/total").decimalValue()).isEqualByComparingTo(total)
			.isPositive();
	}

	@Test
	void scenariosLeaveBaselinePlansProductionOffsetsAndProductionMetricsAloneAndTwoAtOnceStayApart() throws Exception {
		String baselineBefore = baselineFingerprint();
		Map<TopicPartition, OffsetAndMetadata> offsetsBefore = productionOffsets();
		Map<String, String> metricsBefore = productionMetrics();

		String unchanged = scenario("at once: no change", "{}");
		String pricier = scenario("at once: senior +20%", SENIOR_PLUS_20);
		JsonNode unchangedReport = runToCompletion(unchanged);
		JsonNode pricierReport = runToCompletion(pricier);

		assertThat(unchangedReport.path("identical").asInt()).isEqualTo(PLANS);
		assertThat(pricierReport.path("identical").asInt()).isLessThan(PLANS);
		assertThat(baselineFingerprint()).isEqualTo(baselineBefore);
		assertThat(productionOffsets()).isEqualTo(offsetsBefore);
		assertThat(productionMetrics()).isEqualTo(metricsBefore);
	}

	@Test
	void aDryRunCountsWithoutComputingAndBadOverridesAreRejectedByPath() {
		this.analyst.post()
			.uri("/api/v1/scenarios")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"count\",\"dryRun\":true,\"source\":" + past.window() + "}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.requests")
			.isEqualTo(PLANS);
		this.analyst.post()
			.uri("/api/v1/scenarios")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"typo\",\"source\":" + past.window()
					+ ",\"overrides\":{\"cost\":{\"onDemand\":{\"tierz\":{}}}}}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("overrides/cost/onDemand/tierz");
		SharedPlatform.gateway(SharedPlatform.DEMO_KEY)
			.get()
			.uri("/api/v1/scenarios")
			.exchange()
			.expectStatus()
			.isForbidden();
		// the list is paged like the plan list
		this.analyst.get()
			.uri("/api/v1/scenarios?limit=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.value((Integer size) -> assertThat(size).isLessThanOrEqualTo(1));
		this.analyst.get()
			.uri("/api/v1/scenarios?limit=0")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit");
	}

	@Test
	void overridesThatNameRealPathsButMakeNoValidKnowledgeAreRefusedBeforeAnythingRuns() {
		// by plan ids this time: a thousand of them
		String source = past.planIds()
			.stream()
			.map((id) -> "\"" + id + "\"")
			.collect(Collectors.joining(",", "{\"planIds\":[", "]}"));

		this.analyst.post()
			.uri("/api/v1/scenarios")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"rate is not a number\",\"source\":" + source
					+ ",\"overrides\":{\"cost\":{\"onDemand\":{\"tiers\":{\"SENIOR\":{\"weeklyUsd\":\"lots\"}}}}}}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/invalid-scenario")
			.jsonPath("$.errors[0].field")
			.isEqualTo("overrides/cost/onDemand/tiers/SENIOR/weeklyUsd");
	}

	private String scenario(String name, String overrides) {
		return SharedPlatform.startScenario(this.analyst,
				"{\"name\":\"" + name + "\",\"source\":" + past.window() + ",\"overrides\":" + overrides + "}");
	}

	/**
	 * Follows the scenario's progress, which must only rise, to 100 %, then reads its
	 * report.
	 */
	private JsonNode runToCompletion(String scenario) {
		List<Integer> processed = new ArrayList<>();
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
			JsonNode status = SharedPlatform.read(this.analyst, scenario);
			processed.add(status.at("/progress/processed").asInt());
			return "COMPLETE".equals(status.path("status").asString());
		});
		assertThat(processed).isSorted().last().isEqualTo(PLANS);
		JsonNode status = SharedPlatform.read(this.analyst, scenario);
		assertThat(status.at("/progress/percent").decimalValue()).isEqualByComparingTo("100");
		String csv = SharedPlatform
			.ok(this.analyst.get().uri(scenario + "/report").accept(new MediaType("text", "csv")), String.class);
		assertThat(csv.lines()).hasSize(PLANS + 1).first().asString().startsWith("planId,productKind");
		return SharedPlatform.read(this.analyst, scenario + "/report");
	}

	/**
	 * Per plan: every booked senior costs $300 more a week, and its 2-day trial credit
	 * grows by $120.
	 */
	private static Map<UUID, BigDecimal> expectedSeniorPlusTwentyDeltas() throws Exception {
		Map<UUID, BigDecimal> deltas = new HashMap<>();
		try (Connection db = PastPlans.connect();
				PreparedStatement query = db.prepareStatement(
						"select plan_id, stack ->> 'recommendation', costs::text from gateway.plans where plan_id = any(?)")) {
			query.setArray(1, db.createArrayOf("uuid", past.planIds().toArray()));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					String recommendation = rows.getString(2);
					BigDecimal delta = BigDecimal.ZERO;
					for (JsonNode estimate : JSON.readTree(rows.getString(3))) {
						if (!estimate.path("option").asString().equals(recommendation)) {
							continue;
						}
						// the stored costs are compact (cost-estimated.v2): bookings, not
						// rendered roles
						for (JsonNode role : estimate.path("bookings")) {
							if ("SENIOR".equals(role.path("tier").asString())) {
								BigDecimal count = BigDecimal.valueOf(role.path("count").asInt());
								delta = delta
									.add(count.multiply(BigDecimal.valueOf(300L * role.path("weeks").asInt() - 120)));
							}
						}
					}
					deltas.put(rows.getObject(1, UUID.class), delta);
				}
			}
		}
		return deltas;
	}

	private static String baselineFingerprint() throws Exception {
		try (Connection db = PastPlans.connect(); PreparedStatement query = db.prepareStatement("""
				select md5(string_agg(plan_id::text || status || stack::text || costs::text || updated_at::text, ','
				    order by plan_id)) from gateway.plans where plan_id = any(?)
				""")) {
			query.setArray(1, db.createArrayOf("uuid", past.planIds().toArray()));
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getString(1);
			}
		}
	}

	private static Map<TopicPartition, OffsetAndMetadata> productionOffsets() throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
			for (String group : List.of("scoring", "costing", "gateway")) {
				admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get()
					.forEach((partition, offset) -> offsets
						.put(new TopicPartition(group + "/" + partition.topic(), partition.partition()), offset));
			}
		}
		return offsets;
	}

	/** The production counters of every service, as Prometheus would scrape them. */
	private static Map<String, String> productionMetrics() throws Exception {
		Map<String, String> metrics = new HashMap<>();
		for (Service service : Service.values()) {
			metrics.putAll(SharedPlatform.scrape(service)
				.lines()
				.filter((line) -> line.startsWith("stackplan_") && !line.startsWith("stackplan_scenario"))
				.collect(Collectors.toMap((line) -> service + " " + line.substring(0, line.lastIndexOf(' ')),
						(line) -> line.substring(line.lastIndexOf(' ') + 1))));
		}
		return metrics;
	}

}
