package dev.stackplan.intake.plan;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import dev.stackplan.contracts.intake.IntakeApi;
import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.intake.IntakeProperties;
import dev.stackplan.testsupport.TestInfrastructure;
import dev.stackplan.testsupport.UsesTestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Intake refuses new plans while the pipeline is further behind than its bound, and takes
 * them again once it has caught up: the backlog is read from the broker, where a real
 * consumer group's committed offsets lag the end of plan.requested.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stackplan.topics.partitions=3", "stackplan.intake.backpressure.max-backlog=3",
				"stackplan.intake.backpressure.check-interval=100ms", "stackplan.intake.backpressure.retry-after=2s" })
@AutoConfigureWebTestClient
class PipelineBackpressureKafkaTests implements UsesTestInfrastructure {

	@Autowired
	WebTestClient client;

	@Autowired
	IntakeProperties properties;

	private final Admin admin = Admin
		.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()));

	@AfterEach
	void forgetTheStandInGroup() throws Exception {
		try {
			this.admin.deleteConsumerGroups(List.of(ConsumerGroups.SCORING)).all().get();
		}
		catch (ExecutionException ex) {
			assertThat(ex).hasCauseInstanceOf(GroupIdNotFoundException.class);
		}
		finally {
			this.admin.close();
		}
		// intake keeps its last look until the next one: the next test starts once intake
		// has seen the group go
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> post().expectStatus().isAccepted());
	}

	@Test
	void aPipelineBehindItsBoundGetsA503WithRetryAfterUntilItCatchesUp() throws Exception {
		// scoring has consumed everything so far, then stops committing
		commitScoringAtTheEnd();
		for (int i = 0; i < 4; i++) {
			post().expectStatus().isAccepted();
		}

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> post().expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "2")
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("/problems/planner-busy")
				.jsonPath("$.detail")
				.value((detail) -> assertThat(detail.toString()).contains("requests behind")));

		commitScoringAtTheEnd();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> post().expectStatus().isAccepted());
	}

	@Test
	void aGroupThatNeverRanDoesNotHoldIntakeBack() {
		for (int i = 0; i < 6; i++) {
			post().expectStatus().isAccepted();
		}
	}

	private WebTestClient.ResponseSpec post() {
		return GatewayCalls.planRequest(this.client, this.properties)
			.header(IntakeApi.CLIENT_HEADER, "client-a")
			.bodyValue(GatewayCalls.VALID_REQUEST)
			.exchange();
	}

	private void commitScoringAtTheEnd() throws Exception {
		Set<TopicPartition> partitions = this.admin.describeTopics(List.of(Topics.PLAN_REQUESTED))
			.allTopicNames()
			.get()
			.get(Topics.PLAN_REQUESTED)
			.partitions()
			.stream()
			.map((partition) -> new TopicPartition(Topics.PLAN_REQUESTED, partition.partition()))
			.collect(Collectors.toSet());
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		partitions.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
		Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
		this.admin.listOffsets(latest)
			.all()
			.get()
			.forEach((partition, end) -> ends.put(partition, new OffsetAndMetadata(end.offset())));
		this.admin.alterConsumerGroupOffsets(ConsumerGroups.SCORING, ends).all().get();
	}

}
