package dev.stackplan.gateway.plan;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import dev.stackplan.contracts.event.PlanStatus;
import dev.stackplan.gateway.GatewayWebFluxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The plan controller at its own level, the real security chain in front and
 * application.yml bound: {@code Prefer: wait} waits at most {@code max-wait} and answers
 * 200 only with a final plan; {@code limit} and {@code status} reach the store as the
 * page size plus one and the status, or are a 400 naming them; a body over
 * {@code max-body} is a 413 whether its length is declared or it comes chunked.
 */
@GatewayWebFluxTest(controllers = PlanController.class)
class PlanControllerWebFluxTests extends PlanControllerSlice {

	private static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-000000000007");

	/** {@code stackplan.gateway.max-body} of application.yml. */
	private static final int MAX_BODY = 64 * 1024;

	@Test
	void preferWaitAnswersTheFinalPlanWithTheWaitApplied() {
		accepted();
		given(this.watcher.awaitFinal(PLAN, Duration.ofSeconds(3))).willReturn(Mono.just(mock(PlanRow.class)));

		post("wait=3").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Preference-Applied", "wait=3")
			.expectHeader()
			.valueEquals("Location", "/api/v1/plans/" + PLAN);
	}

	@Test
	void preferWaitLongerThanMaxWaitWaitsMaxWait() {
		accepted();
		given(this.watcher.awaitFinal(PLAN, Duration.ofSeconds(30))).willReturn(Mono.just(mock(PlanRow.class)));

		post("respond-async, wait=600").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Preference-Applied", "wait=30");

		verify(this.watcher).awaitFinal(PLAN, Duration.ofSeconds(30));
	}

	@Test
	void preferWaitForAPlanNotFinalInTimeIsStillAccepted() {
		accepted();
		given(this.watcher.awaitFinal(PLAN, Duration.ofSeconds(2))).willReturn(Mono.empty());

		post("wait=2").expectStatus()
			.isAccepted()
			.expectHeader()
			.doesNotExist("Preference-Applied")
			.expectBody()
			.jsonPath("$.planId")
			.isEqualTo(PLAN.toString());
	}

	@ParameterizedTest(name = "Prefer: {0} does not wait")
	@ValueSource(strings = { "respond-async", "wait=", "wait=-1", "handling=lenient", "await=3" })
	void aPreferWithoutAWaitDoesNotWait(String prefer) {
		accepted();

		post(prefer).expectStatus().isAccepted();

		verifyNoInteractions(this.watcher);
	}

	@Test
	void aListWithoutLimitAsksTheStoreForTheDefaultPageAndOneMore() {
		given(this.plans.findByClient(eq("demo"), any(), any(), anyInt())).willReturn(Flux.empty());

		list("").expectStatus().isOk().expectBody().jsonPath("$.nextCursor").isEmpty();

		verify(this.plans).findByClient("demo", null, null, 21);
	}

	@Test
	void aListUpToTheMaximumLimitAsksTheStoreForThatPageAndOneMore() {
		given(this.plans.findByClient(eq("demo"), any(), any(), anyInt())).willReturn(Flux.empty());

		list("limit=100").expectStatus().isOk();

		verify(this.plans).findByClient("demo", null, null, 101);
	}

	@ParameterizedTest(name = "limit={0} is refused")
	@ValueSource(strings = { "0", "101", "-1", "2.5", "ten", "99999999999" })
	void aLimitOutOfRangeIsRefusedNamingIt(String limit) {
		String body = invalid(list("limit=" + limit));

		assertThat(body).contains("\"field\":\"limit\"").contains("must be a whole number between 1 and 100");
		verifyNoInteractions(this.plans);
	}

	@Test
	void aStatusInAnyCaseFiltersTheList() {
		given(this.plans.findByClient(eq("demo"), any(), any(), anyInt())).willReturn(Flux.empty());

		list("status=partial").expectStatus().isOk();

		verify(this.plans).findByClient(eq("demo"), eq(PlanStatus.PARTIAL), isNull(), eq(21));
	}

	@Test
	void anUnknownStatusIsRefusedNamingItAndTheStatuses() {
		String body = invalid(list("status=DONE"));

		assertThat(body).contains("\"field\":\"status\"")
			.contains("must be one of " + Arrays.toString(PlanStatus.values()));
		verifyNoInteractions(this.plans);
	}

	@Test
	void headersOverTheLimitAreAProblemNotNettysBareRefusal() {
		String body = problem(this.client.get()
			.uri("/api/v1/plans")
			.header("X-Api-Key", DEMO_KEY)
			.header("X-Padding", "y".repeat(16 * 1024))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE), "/problems/headers-too-large");

		assertThat(body).containsPattern("headers have \\d+ bytes; at most 16384 are accepted");
		verifyNoInteractions(this.plans);
	}

	@Test
	void headersJustUnderTheLimitPass() {
		given(this.plans.findByClient(eq("demo"), any(), any(), anyInt())).willReturn(Flux.empty());

		this.client.get()
			.uri("/api/v1/plans")
			.header("X-Api-Key", DEMO_KEY)
			.header("X-Padding", "y".repeat(12 * 1024))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsRead() {
		String body = tooLarge(this.client.post()
			.uri("/api/v1/plans")
			.header("X-Api-Key", DEMO_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json(MAX_BODY + 1))
			.exchange());

		assertThat(body).contains("has " + (MAX_BODY + 1) + " bytes; at most " + MAX_BODY + " are accepted");
		verifyNoInteractions(this.intake);
	}

	@Test
	void aChunkedBodyOverTheLimitIsRefusedAsItPassesIt() {
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		byte[] whole = json(MAX_BODY + 1);
		// in pieces and without a Content-Length: only reading it finds it too large
		Flux<DataBuffer> chunks = Flux.range(0, (whole.length + 4095) / 4096)
			.map((i) -> buffers.wrap(Arrays.copyOfRange(whole, i * 4096, Math.min(whole.length, (i + 1) * 4096))));

		String body = tooLarge(this.client.post()
			.uri("/api/v1/plans")
			.header("X-Api-Key", DEMO_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromDataBuffers(chunks))
			.exchange());

		assertThat(body).contains("The request body is larger than the 64 KiB accepted");
		verifyNoInteractions(this.intake);
	}

	@Test
	void aChunkedBodyAtTheLimitIsForwarded() {
		accepted();
		byte[] whole = json(MAX_BODY);

		this.client.post()
			.uri("/api/v1/plans")
			.header("X-Api-Key", DEMO_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromDataBuffers(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(whole))))
			.exchange()
			.expectStatus()
			.isAccepted();

		verify(this.intake).submit(eq(whole), any(), eq("demo"), any(), any());
	}

	private void accepted() {
		byte[] body = ("{\"planId\":\"" + PLAN + "\",\"status\":\"PENDING\"}").getBytes(StandardCharsets.UTF_8);
		given(this.intake.submit(any(), any(), any(), any(), any()))
			.willReturn(Mono.just(new IntakeClient.IntakeAnswer(HttpStatus.ACCEPTED, MediaType.APPLICATION_JSON, body,
					false, null, null)));
		given(this.plans.recordAccepted(eq(PLAN), eq("demo"), any())).willReturn(Mono.empty());
	}

	private WebTestClient.ResponseSpec post(String prefer) {
		return this.client.post()
			.uri("/api/v1/plans")
			.header("X-Api-Key", DEMO_KEY)
			.header("Prefer", prefer)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange();
	}

	private WebTestClient.ResponseSpec list(String query) {
		return this.client.get().uri("/api/v1/plans?" + query).header("X-Api-Key", DEMO_KEY).exchange();
	}

	/** A JSON document of exactly this many bytes. */
	private static byte[] json(int bytes) {
		String text = "{\"pad\":\"" + "x".repeat(bytes - 10) + "\"}";
		assertThat(text).hasSize(bytes);
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String invalid(WebTestClient.ResponseSpec response) {
		return problem(response.expectStatus().isBadRequest(), "/problems/invalid-parameter");
	}

	private static String tooLarge(WebTestClient.ResponseSpec response) {
		return problem(response.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE), "/problems/body-too-large");
	}

	private static String problem(WebTestClient.ResponseSpec response, String type) {
		String body = response.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"type\":\"" + type + "\"").doesNotContain("Exception");
		return body;
	}

}
