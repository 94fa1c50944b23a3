package dev.stackplan.gateway.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.testsupport.RawRecords;
import dev.stackplan.testsupport.TestInfrastructure;
import dev.stackplan.testsupport.TopicReader;
import dev.stackplan.testsupport.UsesTestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scenario whose gateway died part way through publishing, as its row was left
 * (RUNNING, 4 of 10 published, the dead instance's lease run out): this gateway takes it
 * over and publishes exactly the 6 requests not yet on the broker (in plan id order, the
 * order publishing follows). One whose requests the log no longer holds fails with the
 * reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "stackplan.topics.partitions=3", "stackplan.gateway.scenarios.instance-id=resuming-gateway",
				"stackplan.gateway.scenarios.lease=2s", "stackplan.gateway.scenarios.heartbeat=200ms" })
class ScenarioResumeKafkaTests implements UsesTestInfrastructure {

	private static final int PLANS = 10;

	private static final int PUBLISHED_BEFORE_THE_CRASH = 4;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	DatabaseClient db;

	@Autowired
	ScenarioRepository scenarios;

	@Test
	void aScenarioLeftPartlyPublishedByADeadGatewayIsTakenOverAndPublishesOnlyWhatWasLeft() throws Exception {
		Map<String, String> events = new LinkedHashMap<>();
		for (int i = 0; i < PLANS; i++) {
			UUID planId = UUID.randomUUID();
			PlanRequest request = new PlanRequest(
					new ProductProfile("Resume " + i, ProductKind.SAAS, List.of(), 10, ExistingFramework.NONE),
					new Team(1, 0), 12, null);
			events.put(planId.toString(),
					JSON.writeValueAsString(new PlanRequested(planId, "demo", Instant.now(), request)));
		}
		RawRecords.sendAll(PlanEvent.PLAN_REQUESTED.topic(), events, Map.of("__TypeId__", "plan-requested.v1"));
		List<UUID> inPublishingOrder = events.keySet().stream().map(UUID::fromString).sorted().toList();
		UUID scenarioId = UUID.randomUUID();

		this.db.sql("""
				insert into scenarios (scenario_id, client_id, name, status, source, overrides, total, published,
				    started_at, claimed_by, lease_until, log_end_offsets)
				values (:id, 'analyst', 'crashed', 'RUNNING', cast(:source as jsonb), '{}', :total, :published,
				    now(), 'dead-gateway', now() - interval '1 second', cast(:offsets as jsonb))
				""")
			.bind("id", scenarioId)
			.bind("source", JSON.writeValueAsString(Map.of("planIds", inPublishingOrder)))
			.bind("total", PLANS)
			.bind("published", PUBLISHED_BEFORE_THE_CRASH)
			.bind("offsets", JSON.writeValueAsString(logEndOffsets()))
			.then()
			.block();

		try (TopicReader replayed = new TopicReader(PlanEvent.SCENARIO_REQUESTED.topic())) {
			List<TopicReader.WireRecord> sent = replayed.await(
					(record) -> record.value() != null && record.value().contains(scenarioId.toString()), PLANS,
					Duration.ofSeconds(20));

			assertThat(sent).extracting((record) -> UUID.fromString(record.key()))
				.containsExactlyInAnyOrderElementsOf(inPublishingOrder.subList(PUBLISHED_BEFORE_THE_CRASH, PLANS));
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			ScenarioRow row = this.scenarios.find(scenarioId).block();
			assertThat(row.published()).isEqualTo(PLANS);
			assertThat(row.status()).isEqualTo(ScenarioStatus.RUNNING);
		});
		assertThat(this.db.sql("select claimed_by, takeovers from scenarios where scenario_id = :id")
			.bind("id", scenarioId)
			.fetch()
			.one()
			.block()).containsEntry("claimed_by", "resuming-gateway").containsEntry("takeovers", 1);
	}

	@Test
	void aScenarioWhoseRequestsAreNoLongerOnTheLogFailsWithTheReason() {
		UUID scenarioId = UUID.randomUUID();
		List<UUID> gone = IntStream.range(0, 3)
			.mapToObj((i) -> UUID.randomUUID())
			.sorted(Comparator.naturalOrder())
			.toList();

		this.db.sql("""
				insert into scenarios (scenario_id, client_id, name, status, source, overrides, total, published,
				    started_at, claimed_by, lease_until, log_end_offsets)
				values (:id, 'analyst', 'gone', 'RUNNING', cast(:source as jsonb), '{}', 3, 1,
				    now(), 'dead-gateway', now() - interval '1 second', cast(:offsets as jsonb))
				""")
			.bind("id", scenarioId)
			.bind("source", JSON.writeValueAsString(Map.of("planIds", gone)))
			.bind("offsets", JSON.writeValueAsString(logEndOffsets()))
			.then()
			.block();

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			ScenarioRow row = this.scenarios.find(scenarioId).block();
			assertThat(row.status()).isEqualTo(ScenarioStatus.FAILED);
			assertThat(row.failure()).isEqualTo(
					"The log no longer holds the requests this scenario replays (0 of 3 found), so it cannot resume");
		});
	}

	private static Map<Integer, Long> logEndOffsets() {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(PlanEvent.PLAN_REQUESTED.topic())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			Map<Integer, Long> offsets = new HashMap<>();
			consumer.endOffsets(partitions).forEach((partition, offset) -> offsets.put(partition.partition(), offset));
			return offsets;
		}
	}

}
