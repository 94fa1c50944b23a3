package dev.stackplan.intake.plan;

import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.intake.IntakeProperties;
import dev.stackplan.kit.PlanEventPublisher;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Intake's plan endpoint answers only calls that carry the gateway's secret; the client
 * header alone proves nothing.
 */
@WebFluxTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "dev\\.stackplan\\.intake\\.InternalCallSecurityConfiguration"))
@Import(IntakeWebTestBeans.class)
class InternalCallSecurityTests {

	private static final String PLAN_REQUESTS = "/internal/v1/plan-requests";

	private static final String REQUEST = """
			{"product": {"name": "Acme", "kind": "SAAS", "features": ["AUTH"], "expectedRps": 10},
			 "team": {"engineers": 1}, "timelineWeeks": 12}
			""";

	@Autowired
	WebTestClient client;

	@Autowired
	IntakeProperties properties;

	@MockitoBean
	PlanEventPublisher publisher;

	@MockitoBean
	IdempotencyKeys keys;

	@MockitoBean
	PipelineBackpressure backpressure;

	@Test
	void aCallWithoutTheSecretIs401ProblemAndPublishesNothing() {
		unauthorized(this.client.post()
			.uri(PLAN_REQUESTS)
			.header("X-Stackplan-Client", "victim")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(REQUEST)
			.exchange());
		verifyNoInteractions(this.publisher);
	}

	@Test
	void aCallWithAWrongSecretIs401ProblemAndPublishesNothing() {
		unauthorized(this.client.post()
			.uri(PLAN_REQUESTS)
			.header("X-Stackplan-Internal-Token", this.properties.internalToken() + "x")
			.header("X-Stackplan-Client", "victim")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(REQUEST)
			.exchange());
		unauthorized(this.client.post()
			.uri(PLAN_REQUESTS)
			.header("X-Stackplan-Internal-Token", "")
			.header("X-Stackplan-Client", "victim")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(REQUEST)
			.exchange());
		verify(this.publisher, never()).publish(any(), any(), any());
	}

	@Test
	void aForgedClientHeaderWithoutTheSecretIsRefusedBeforeTheBodyIsLookedAt() {
		unauthorized(this.client.post()
			.uri(PLAN_REQUESTS)
			.header("X-Stackplan-Client", "demo")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"not\": \"a plan request\"}")
			.exchange());
		verifyNoInteractions(this.publisher);
	}

	@Test
	void withTheSecretTheClientHeaderIsTheClientOfThePlan() {
		given(this.publisher.publish(eq(PlanEvent.PLAN_REQUESTED), any(), any())).willReturn(Mono.empty());

		this.client.post()
			.uri(PLAN_REQUESTS)
			.header("X-Stackplan-Internal-Token", this.properties.internalToken())
			.header("X-Stackplan-Client", "demo")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(REQUEST)
			.exchange()
			.expectStatus()
			.isAccepted();

		ArgumentCaptor<Object> event = ArgumentCaptor.forClass(Object.class);
		verify(this.publisher).publish(eq(PlanEvent.PLAN_REQUESTED), any(), event.capture());
		assertThat(((PlanRequested) event.getValue()).clientId()).isEqualTo("demo");
	}

	@Test
	void theActuatorNeedsNoSecret() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).as("not refused by the security chain")
				.isNotEqualTo(HttpStatus.UNAUTHORIZED.value()));
	}

	private static void unauthorized(WebTestClient.ResponseSpec response) {
		String body = response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"status\":401")
			.doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w+")
			.doesNotContain("Exception")
			.doesNotContain("springframework");
	}

}
