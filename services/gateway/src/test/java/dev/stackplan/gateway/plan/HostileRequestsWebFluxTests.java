package dev.stackplan.gateway.plan;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.gateway.GatewayWebFluxTest;
import dev.stackplan.gateway.scenario.ScenarioStubs;
import dev.stackplan.testsupport.HostileRequests;
import dev.stackplan.testsupport.HostileRequests.HostileRequest;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand generated hostile requests ({@link HostileRequests}: plan requests,
 * scenario creates and dry runs, list queries, cursors, headers) against every public
 * controller, the real security chain and error handling: not one is answered with a 5xx
 * and no answer names a class, an internal path or a library. Intake, the stores, the
 * runner and the log are stand-ins that accept everything, so any 4xx is the gateway's
 * own judgement; intake's is proved by its own suite of the same generator.
 */
@GatewayWebFluxTest(properties = { "stackplan.gateway.rate-limit.requests-per-second=1000000",
		"stackplan.gateway.rate-limit.burst=1000000" })
@Import({ HostileRequestsWebFluxTests.Beans.class, ScenarioStubs.class })
class HostileRequestsWebFluxTests {

	private static final int REQUESTS = 10_000;

	/** Fixed, so that a failure names a request that can be sent again. */
	private static final long SEED = 20261202L;

	@Autowired
	WebTestClient client;

	@Test
	void noHostileRequestIsAnsweredWithA5xxOrALeak() {
		List<String> failures = new ArrayList<>();
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (HostileRequest request : HostileRequests.sample(HostileRequests.any(), REQUESTS, SEED)) {
			EntityExchangeResult<byte[]> result = send(request);
			int status = result.getStatus().value();
			statuses.merge(status, 1, Integer::sum);
			String body = (result.getResponseBody() != null)
					? new String(result.getResponseBody(), StandardCharsets.UTF_8) : "";
			if (status >= 500 || !HostileRequests.leaks(body).isEmpty()) {
				failures.add(status + " " + HostileRequests.leaks(body) + " for " + request + " -> " + body);
			}
		}
		assertThat(failures).as("answers with a 5xx or a leak").isEmpty();
		// the generator reaches both sides of every check, so the assertion above is
		// about real refusals and real acceptances
		assertThat(statuses.getOrDefault(400, 0)).as("400s in %s", statuses).isGreaterThan(REQUESTS / 3);
		assertThat(statuses.getOrDefault(415, 0)).as("415s in %s", statuses).isPositive();
		assertThat(statuses.getOrDefault(200, 0) + statuses.getOrDefault(202, 0)).as("2xx in %s", statuses)
			.isGreaterThan(REQUESTS / 50);
	}

	private EntityExchangeResult<byte[]> send(HostileRequest request) {
		String key = request.path().startsWith(HostileRequests.SCENARIOS) ? "analyst-key" : "demo-key";
		return this.client.method(HttpMethod.valueOf(request.method()))
			.uri(URI.create(request.path()))
			.headers((headers) -> {
				request.headers().forEach(headers::set);
				headers.set("X-Api-Key", key);
			})
			// as raw buffers: a value would be encoded, and the encoder refuses to write
			// a
			// content type it cannot parse, which an adversary sends anyway
			.body(BodyInserters
				.fromDataBuffers(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(request.body()))))
			.exchange()
			.expectBody()
			.returnResult();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		KnowledgeBase knowledgeBase() {
			return KnowledgeBase.load();
		}

		/** Intake accepts every request, as it would a valid one. */
		@Bean
		IntakeClient intakeClient() {
			IntakeClient intake = Mockito.mock(IntakeClient.class, ScenarioStubs.EMPTY);
			Mockito.when(intake.submit(Mockito.any(), Mockito.any(), Mockito.any(), Mockito.any(), Mockito.any()))
				.thenAnswer((invocation) -> Mono
					.just(new IntakeClient.IntakeAnswer(HttpStatus.ACCEPTED, MediaType.APPLICATION_JSON,
							("{\"planId\":\"" + UUID.randomUUID() + "\",\"status\":\"PENDING\"}")
								.getBytes(StandardCharsets.UTF_8),
							false, null, null)));
			return intake;
		}

		@Bean
		PlanRepository planRepository() {
			return Mockito.mock(PlanRepository.class, ScenarioStubs.EMPTY);
		}

		@Bean
		PlanWatcher planWatcher() {
			return Mockito.mock(PlanWatcher.class, ScenarioStubs.EMPTY);
		}

		@Bean
		PlanAssembler planAssembler() {
			return Mockito.mock(PlanAssembler.class, ScenarioStubs.EMPTY);
		}

	}

}
