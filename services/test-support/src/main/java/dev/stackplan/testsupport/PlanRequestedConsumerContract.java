package dev.stackplan.testsupport;

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
import dev.stackplan.kit.PlanKafkaAutoConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service that answers {@code plan.requested} must do on a real broker: answer
 * on its result topic keyed by planId with the knowledge version, and send records it
 * cannot process to the dead-letter topic with the reason while it goes on serving. A
 * service's test extends this with its Spring Boot test context.
 */
public abstract class PlanRequestedConsumerContract {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final PlanEvent result;

	private final String consumerGroup;

	private final String resultPointer;

	@Autowired
	private KafkaTemplate<String, Object> kafka;

	@Autowired
	private KnowledgeBase knowledge;

	/**
	 * @param result the event the service answers with
	 * @param consumerGroup the service's consumer group, named in its dead letters
	 * @param resultPointer a JSON pointer that an answer must have, e.g.
	 * {@code /stack/recommendation}
	 */
	protected PlanRequestedConsumerContract(PlanEvent result, String consumerGroup, String resultPointer) {
		this.result = result;
		this.consumerGroup = consumerGroup;
		this.resultPointer = resultPointer;
	}

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
	}

	@Test
	void aPlanRequestIsAnsweredOnItsResultTopicKeyedByPlanIdWithTheKnowledgeVersion() throws Exception {
		UUID planId = UUID.randomUUID();

		this.kafka.send(PlanEvent.PLAN_REQUESTED.topic(), planId.toString(), request(planId)).get();

		try (TopicReader results = new TopicReader(this.result.topic())) {
			List<TopicReader.WireRecord> answers = results.awaitKey(planId.toString(), 1, WAIT);
			assertThat(answers).hasSize(1);
			assertThat(answers.get(0).headers()).containsEntry("__TypeId__", this.result.typeToken());
			JsonNode event = JSON.readTree(answers.get(0).value());
			assertThat(event.path("knowledgeVersion").asString()).isEqualTo(this.knowledge.version());
			assertThat(event.at(this.resultPointer).isMissingNode()).isFalse();
		}
	}

	@Test
	void aRecordThatIsNotJsonGoesToTheDeadLetterTopicWithTheReasonAndTheNextRecordIsStillServed() throws Exception {
		String poisonKey = UUID.randomUUID().toString();
		UUID next = UUID.randomUUID();

		RawRecords.send(PlanEvent.PLAN_REQUESTED.topic(), poisonKey, "{not json",
				Map.of("__TypeId__", PlanEvent.PLAN_REQUESTED.typeToken()));
		this.kafka.send(PlanEvent.PLAN_REQUESTED.topic(), next.toString(), request(next)).get();

		try (TopicReader deadLetters = new TopicReader(PlanEvent.PLAN_REQUESTED.deadLetterTopic());
				TopicReader results = new TopicReader(this.result.topic())) {
			List<TopicReader.WireRecord> dead = deadLetters.await((record) -> isMine(record, poisonKey), 1, WAIT);
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
				Map.of("__TypeId__", PlanEvent.PLAN_REQUESTED.typeToken()));

		try (TopicReader deadLetters = new TopicReader(PlanEvent.PLAN_REQUESTED.deadLetterTopic())) {
			List<TopicReader.WireRecord> dead = deadLetters.await((record) -> isMine(record, key), 1, WAIT);
			assertThat(dead).hasSize(1);
			assertThat(dead.get(0).headers().get(PlanKafkaAutoConfiguration.DEAD_LETTER_REASON_HEADER))
				.contains("request");
		}
	}

	/**
	 * Scoring and costing both dead-letter a bad request; each test looks only at its own
	 * service's.
	 */
	private boolean isMine(TopicReader.WireRecord record, String key) {
		return key.equals(record.key())
				&& this.consumerGroup.equals(record.headers().get(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP));
	}

	private static PlanRequested request(UUID planId) {
		return new PlanRequested(planId, "demo", Instant.now(),
				new PlanRequest(new ProductProfile("Acme", ProductKind.SAAS, List.of(Feature.AUTH, Feature.BILLING), 10,
						ExistingFramework.NONE), new Team(2, 1), 12, null));
	}

}
