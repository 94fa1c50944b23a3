package dev.stackplan.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.ExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The end-to-end tests' contract check can fail: an answer with a status, an API header
 * or a body field that plan-api.yaml does not document is refused. Answers made up here,
 * by a handler in this JVM, no platform.
 */
class ContractCheckTests {

	private static final String PLAN_ID = "299e1065-4615-44d9-b4e2-ca74f01265a2";

	private static final String ACCEPTED = "{\"planId\":\"" + PLAN_ID + "\",\"status\":\"PENDING\"}";

	@Test
	void aDocumentedAnswerPasses() {
		ExchangeResult answer = answer(HttpStatus.ACCEPTED, MediaType.APPLICATION_JSON,
				Map.of("X-Request-Id", "r-1", "Location", "/api/v1/plans/" + PLAN_ID), ACCEPTED);

		assertThatCode(() -> ContractCheck.documented("POST", "/api/v1/plans", answer)).doesNotThrowAnyException();
	}

	@Test
	void anUndocumentedStatusFails() {
		ExchangeResult answer = answer(HttpStatus.I_AM_A_TEAPOT, MediaType.APPLICATION_JSON, Map.of(), ACCEPTED);

		assertThatThrownBy(() -> ContractCheck.documented("POST", "/api/v1/plans", answer))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("statuses of POST /api/v1/plans");
	}

	@Test
	void anUndocumentedApiHeaderFails() {
		ExchangeResult answer = answer(HttpStatus.OK, MediaType.TEXT_HTML, Map.of("Retry-After", "1"),
				"<!doctype html><title>docs</title>");

		assertThatThrownBy(() -> ContractCheck.documented("GET", "/docs", answer)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("undocumented headers of GET /docs 200")
			.hasMessageContaining("retry-after");
	}

	@Test
	void anUndocumentedBodyFieldFails() {
		ExchangeResult answer = answer(HttpStatus.ACCEPTED, MediaType.APPLICATION_JSON, Map.of(),
				ACCEPTED.replace("}", ",\"internalOffset\":17}"));

		assertThatThrownBy(() -> ContractCheck.documented("POST", "/api/v1/plans", answer))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("body against #/components/schemas/PlanAccepted")
			.hasMessageContaining("internalOffset");
	}

	@Test
	void anUndocumentedMediaTypeFails() {
		ExchangeResult answer = answer(HttpStatus.ACCEPTED, MediaType.TEXT_PLAIN, Map.of(), "accepted");

		assertThatThrownBy(() -> ContractCheck.documented("POST", "/api/v1/plans", answer))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("text/plain documented for POST /api/v1/plans 202");
	}

	@Test
	void everyExchangeChecksTheAnswerOfAClientsCall() {
		WebTestClient client = checked(HttpStatus.I_AM_A_TEAPOT, MediaType.APPLICATION_JSON, ACCEPTED);

		assertThatThrownBy(() -> client.get().uri("/api/v1/plans/" + PLAN_ID).exchange())
			.hasStackTraceContaining("statuses of GET /api/v1/plans/{planId}");
	}

	@Test
	void everyExchangeChecksTheRequestBodyAgainstTheOperationsSchema() {
		WebTestClient client = checked(HttpStatus.ACCEPTED, MediaType.APPLICATION_JSON, ACCEPTED);

		assertThatThrownBy(() -> client.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"product\":{\"name\":\"Acme\"},\"mood\":\"bold\"}")
			.exchange())
			.hasStackTraceContaining("POST /api/v1/plans request body against #/components/schemas/PlanRequest")
			.hasStackTraceContaining("mood");
	}

	@Test
	void aRequestMarkedInvalidHasOnlyItsAnswerChecked() {
		WebTestClient client = checked(HttpStatus.ACCEPTED, MediaType.APPLICATION_JSON, ACCEPTED);

		assertThatCode(() -> client.post()
			.uri("/api/v1/plans")
			.attribute(ContractCheck.INVALID_REQUEST, "an unknown field")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"mood\":\"bold\"}")
			.exchange()
			.expectStatus()
			.isAccepted()).doesNotThrowAnyException();
	}

	@Test
	void aPathTheContractDoesNotNameFailsUnlessMarkedOrListed() {
		WebTestClient client = checked(HttpStatus.NOT_FOUND, MediaType.APPLICATION_PROBLEM_JSON, "{}");

		assertThatThrownBy(() -> client.get().uri("/api/v1/plan").exchange())
			.hasStackTraceContaining("no path of the contract matches /api/v1/plan");
		assertThatCode(() -> client.get()
			.uri("/api/v1/plan")
			.attribute(ContractCheck.UNDOCUMENTED_ROUTE, "a typo, on purpose")
			.exchange()).doesNotThrowAnyException();
		assertThatCode(() -> client.get().uri("/app/main.js").exchange()).doesNotThrowAnyException();
	}

	@Test
	void aPathIsReadAsTheGatewayReadsIt() {
		assertThat(ContractCheck.pathTemplate(URI.create("http://h/%61pi/v1;x/plans/" + PLAN_ID + "/events")))
			.isEqualTo("/api/v1/plans/{planId}/events");
	}

	/** A client of a handler that always gives this answer, every exchange checked. */
	private static WebTestClient checked(HttpStatus status, MediaType type, String body) {
		return WebTestClient.bindToWebHandler((exchange) -> {
			exchange.getResponse().setStatusCode(status);
			exchange.getResponse().getHeaders().setContentType(type);
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			return exchange.getRequest()
				.getBody()
				.then(exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(bytes))));
		}).configureClient().filter(ContractCheck.everyExchange()).build();
	}

	private static ExchangeResult answer(HttpStatus status, MediaType type, Map<String, String> headers, String body) {
		return WebTestClient.bindToWebHandler((exchange) -> {
			exchange.getResponse().setStatusCode(status);
			exchange.getResponse().getHeaders().setContentType(type);
			headers.forEach(exchange.getResponse().getHeaders()::set);
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(bytes)));
		}).build().post().uri("/any").exchange().expectBody().returnResult();
	}

}
