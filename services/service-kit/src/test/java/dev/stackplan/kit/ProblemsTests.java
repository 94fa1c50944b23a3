package dev.stackplan.kit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal answers with its kind's type, title and status, the members it carries in
 * their order and its {@code Retry-After}, whether the advice answers it or, having
 * escaped every advice, the last-word handler; {@code errors} entries have one shape.
 */
class ProblemsTests {

	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-000000000001");

	@Test
	void aRefusalIsItsKindsProblemWithItsMembersAndRetryAfter() {
		ResponseEntity<ProblemDetail> answer = Problems
			.response(new ProblemException(ProblemKind.IDEMPOTENCY_KEY_IN_FLIGHT, "still in flight",
					Map.of("planId", PLAN), Duration.ofSeconds(2), null));

		assertThat(answer.getStatusCode().value()).isEqualTo(409);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.getHeaders().get(HttpHeaders.RETRY_AFTER)).containsExactly("2");
		JsonNode body = JSON.valueToTree(answer.getBody());
		assertThat(body.get("type").asString()).isEqualTo("/problems/idempotency-key-in-flight");
		assertThat(body.get("title").asString()).isEqualTo("Request in flight");
		assertThat(body.get("status").asInt()).isEqualTo(409);
		assertThat(body.get("detail").asString()).isEqualTo("still in flight");
		assertThat(body.get("planId").asString()).isEqualTo(PLAN.toString());
	}

	@Test
	void aRetryAfterUnderASecondIsOneSecondAndNoneIsNone() {
		assertThat(Problems
			.response(new ProblemException(ProblemKind.PLANNER_BUSY, "busy", Map.of(), Duration.ofMillis(200), null))
			.getHeaders()
			.get(HttpHeaders.RETRY_AFTER)).containsExactly("1");
		assertThat(Problems.response(new ProblemException(ProblemKind.PLAN_NOT_FOUND, "no such plan"))
			.getHeaders()
			.containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
	}

	@Test
	void aFieldViolationIsFieldAndMessageAndTheAllowedValuesOnlyWhereThereAreSome() {
		ProblemDetail problem = new ProblemException(ProblemKind.INVALID_PARAMETER, "status is wrong",
				List.of(new FieldViolation("cursor", "is not one"),
						new FieldViolation("status", "must be one of [A, B]", List.of("A", "B"))))
			.problem();

		assertThat(JSON.writeValueAsString(problem.getProperties().get("errors")))
			.isEqualTo("[{\"field\":\"cursor\",\"message\":\"is not one\"},"
					+ "{\"field\":\"status\",\"message\":\"must be one of [A, B]\",\"allowedValues\":[\"A\",\"B\"]}]");
	}

	@Test
	void aRefusalThatEscapedEveryAdviceIsStillItsProblem() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/plans"));

		new ProblemWebExceptionHandler(JSON)
			.handle(exchange,
					new ProblemException(ProblemKind.RATE_LIMITED, "slow down", Map.of(), Duration.ofSeconds(5), null))
			.block();

		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(429);
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER)).containsExactly("5");
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode body = JSON.readTree(exchange.getResponse().getBodyAsString().block());
		assertThat(body.get("type").asString()).isEqualTo("/problems/rate-limited");
		assertThat(body.get("title").asString()).isEqualTo("Too many requests");
		assertThat(body.get("detail").asString()).isEqualTo("slow down");
		assertThat(body.get("instance").asString()).isEqualTo("/api/v1/plans");
	}

	@Test
	void aDependencyAwayIsItsOwnUnavailableProblem() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/plans"));

		new ProblemWebExceptionHandler(JSON)
			.handle(exchange, new DependencyUnavailableException(Dependency.DATABASE, Duration.ofSeconds(3), null))
			.block();

		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(503);
		assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER)).containsExactly("3");
		JsonNode body = JSON.readTree(exchange.getResponse().getBodyAsString().block());
		assertThat(body.get("type").asString()).isEqualTo("/problems/database-unavailable");
		assertThat(body.get("title").asString()).isEqualTo("Service unavailable");
	}

}
