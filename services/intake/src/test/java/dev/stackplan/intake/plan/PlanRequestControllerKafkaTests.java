package dev.stackplan.intake.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.stackplan.contracts.intake.IntakeApi;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.intake.IntakeProperties;
import dev.stackplan.testsupport.TopicReader;
import dev.stackplan.testsupport.UsesTestInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Intake against a real broker: what a 202 promises is on the topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stackplan.topics.partitions=3" })
@AutoConfigureWebTestClient
class PlanRequestControllerKafkaTests implements UsesTestInfrastructure {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	WebTestClient client;

	@Autowired
	IntakeProperties properties;

	@Test
	void anAcceptedRequestIsOnThePlanRequestedTopicKeyedByPlanIdWithAWireTypeToken() {
		EntityExchangeResult<JsonNode> result = GatewayCalls.planRequest(this.client, this.properties)
			.header(IntakeApi.CLIENT_HEADER, "client-a")
			.bodyValue("""
					{"product": {"name": "Acme", "kind": "SAAS", "features": ["BILLING", "AUTH"], "expectedRps": 10},
					 "team": {"engineers": 1}, "timelineWeeks": 12}
					""")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult();
		JsonNode accepted = result.getResponseBody();
		String planId = accepted.path("planId").asString();

		try (TopicReader topic = new TopicReader(PlanEvent.PLAN_REQUESTED.topic())) {
			List<TopicReader.WireRecord> records = topic.awaitKey(planId, 1, Duration.ofSeconds(20));

			assertThat(records).hasSize(1);
			assertThat(records.get(0).headers()).containsEntry("__TypeId__", "plan-requested.v1");
			JsonNode event = JSON.readTree(records.get(0).value());
			assertThat(event.path("planId").asString()).isEqualTo(planId);
			assertThat(event.path("clientId").asString()).isEqualTo("client-a");
			assertThat(Instant.parse(result.getResponseHeaders().getFirst(IntakeApi.REQUESTED_AT_HEADER)))
				.as("the gateway files the plan under the event's time")
				.isEqualTo(Instant.parse(event.path("requestedAt").asString()));
			assertThat(event.path("request").path("product").path("features").toString())
				.isEqualTo("[\"AUTH\",\"BILLING\"]");
		}
	}

	@Test
	void anInvalidRequestIsAProblemAndPublishesNothing() {
		refused("{\"product\": {\"name\": \"Acme\", \"kind\": \"SAAS\", \"expectedRps\": -1}, "
				+ "\"team\": {\"engineers\": 1}, \"timelineWeeks\": 12}")
			.jsonPath("$.title")
			.isEqualTo("Invalid plan request")
			.jsonPath("$.errors[0].field")
			.isEqualTo("product.expectedRps");
	}

	@Test
	void malformedJsonIsAProblem() {
		refused("{\"product\": ").jsonPath("$.title").isEqualTo("Malformed JSON");
	}

	/** The body of the problem intake answers a refused request with. */
	private WebTestClient.BodyContentSpec refused(String body) {
		return GatewayCalls.planRequest(this.client, this.properties)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody();
	}

}
