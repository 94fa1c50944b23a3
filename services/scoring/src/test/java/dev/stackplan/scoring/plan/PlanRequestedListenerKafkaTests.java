package dev.stackplan.scoring.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.scoring.ScoringApplication;
import dev.stackplan.kit.PlanKafkaAutoConfiguration;
import dev.stackplan.testsupport.RawRecords;
import dev.stackplan.testsupport.TestInfrastructure;
import dev.stackplan.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring service on a real broker: requests in, results out, bad records to the
 * dead-letter topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { ScoringApplication.CONFIG_NAME, "stackplan.topics.partitions=3" })
class PlanRequestedListenerKafkaTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
	}

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Autowired
	KnowledgeBase knowledge;

	@Test
	void aPlanRequestIsAnsweredOnItsResultTopicKeyedByPlanIdWithTheKnowledgeVersion() throws Exception {
		UUID planId = UUID.randomUUID();

		this.kafka.send(PlanEvent.PLAN_REQUESTED.topic(), planId.toString(), request(planId)).get();

		try (TopicReader results = new TopicReader(PlanEvent.FRAMEWORK_SCORED.topic())) {
			List<TopicReader.WireRecord> answers = results.awaitKey(planId.toString(), 1, WAIT);
			assertThat(answers).hasSize(1);
			assertThat(answers.get(0).headers()).containsEntry("__TypeId__", "framework-scored.v1");
			JsonNode event = JSON.readTree(answers.get(0).value());
			assertThat(event.path("knowledgeVersion").asString()).isEqualTo(this.knowledge.version());
			assertThat(event.at("/stack/recommendation").isMissingNode()).isFalse();
		}
	}

	@Test
	void aRecordThatIsNotJsonGoesToTheDeadLetterTopicWithTheReasonAndTheNextRecordIsStillServed() throws Exception {
		String poisonKey = UUID.randomUUID().toString();
		UUID next = UUID.randomUUID();

		RawRecords.send(PlanEvent.PLAN_REQUESTED.topic(), poisonKey, "{not json",
				Map.of("__TypeId__", "plan-requested.v1"));
		this.kafka.send(PlanEvent.PLAN_REQUESTED.topic(), next.toString(), request(next)).get();

		try (TopicReader deadLetters = new TopicReader(PlanEvent.PLAN_REQUESTED.deadLetterTopic());
				TopicReader results = new TopicReader(PlanEvent.FRAMEWORK_SCORED.topic())) {
			List<TopicReader.WireRecord> dead = deadLetters.await(
					(record) -> poisonKey.equals(record.key())
							&& "scoring".equals(record.headers().get(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)),
					1, WAIT);
			assertThat(dead).hasSize(1);
			assertThat(dead.get(0).value()).isEqualTo("{not json");
			assertThat(dead.get(0).headers().get(PlanKafkaAutoConfiguration.DEAD_LETTER_REASON_HEADER))
				.contains("Unexpected character");
			assertThat(results.awaitKey(next.toString(), 1, WAIT)).hasSize(1);
		}
	}

	@Test
	void anEventMissingARequiredFieldGoesToTheDeadLetterTopicNamingIt() {
		String key = UUID.randomUUID().toString();

		RawRecords.send(PlanEvent.PLAN_REQUESTED.topic(), key,
				"{\"planId\":\"" + key + "\",\"clientId\":\"demo\",\"requestedAt\":\"2026-11-24T00:00:00Z\"}",
				Map.of("__TypeId__", "plan-requested.v1"));

		try (TopicReader deadLetters = new TopicReader(PlanEvent.PLAN_REQUESTED.deadLetterTopic())) {
			List<TopicReader.WireRecord> dead = deadLetters.await(
					(record) -> key.equals(record.key())
							&& "scoring".equals(record.headers().get(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)),
					1, WAIT);
			assertThat(dead).hasSize(1);
			assertThat(dead.get(0).headers().get(PlanKafkaAutoConfiguration.DEAD_LETTER_REASON_HEADER))
				.contains("request");
		}
	}

	private static PlanRequested request(UUID planId) {
		return new PlanRequested(planId, "demo", Instant.now(),
				new PlanRequest(new ProductProfile("Acme", ProductKind.SAAS, List.of(Feature.AUTH, Feature.BILLING), 10,
						ExistingFramework.NONE), new Team(2, 1), 12, null));
	}

}
