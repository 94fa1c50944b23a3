package dev.stackplan.intake.plan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.stackplan.intake.IntakeProperties;
import dev.stackplan.kit.PlanEventPublisher;
import dev.stackplan.kit.ProblemsAutoConfiguration;
import dev.stackplan.testsupport.HostileRequests;
import dev.stackplan.testsupport.HostileRequests.HostileRequest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * Ten thousand generated hostile plan requests ({@link HostileRequests#planRequests()})
 * reach intake's validation as the gateway forwards them: not one is answered with a 5xx,
 * none is published unless it is valid, and no answer names a class or a library.
 * Intake's own path appears only as the problem's {@code instance}, which the gateway
 * replaces with the public one.
 */
@WebFluxTest(controllers = PlanRequestController.class,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "dev\\.stackplan\\.intake\\.InternalCallSecurityConfiguration"))
@ImportAutoConfiguration(ProblemsAutoConfiguration.class)
@Import(IntakeWebTestBeans.class)
class HostileRequestsIntakeWebFluxTests {

	private static final int REQUESTS = 10_000;

	private static final long SEED = 20261202L;

	private static final String OWN_INSTANCE = "\"instance\":\"/internal/v1/plan-requests\"";

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
	void noHostilePlanRequestIsAnsweredWithA5xxOrALeak() {
		given(this.publisher.publish(any(), any(), any())).willReturn(Mono.empty());
		given(this.keys.claim(any(), any(), any(), any())).willReturn(Mono.just(true));
		given(this.keys.markAccepted(any(), any())).willReturn(Mono.empty());
		List<String> failures = new ArrayList<>();
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (HostileRequest request : HostileRequests.sample(HostileRequests.planRequests(), REQUESTS, SEED)) {
			EntityExchangeResult<byte[]> result = send(request);
			int status = result.getStatus().value();
			statuses.merge(status, 1, Integer::sum);
			String body = (result.getResponseBody() != null)
					? new String(result.getResponseBody(), StandardCharsets.UTF_8) : "";
			List<String> leaks = HostileRequests.leaks(body.replace(OWN_INSTANCE, ""));
			if (status >= 500 || !leaks.isEmpty()) {
				failures.add(status + " " + leaks + " for " + request + " -> " + body);
			}
		}
		assertThat(failures).as("answers with a 5xx or a leak").isEmpty();
		assertThat(statuses.getOrDefault(400, 0)).as("400s in %s", statuses).isGreaterThan(REQUESTS / 3);
		assertThat(statuses.getOrDefault(415, 0)).as("415s in %s", statuses).isPositive();
		assertThat(statuses.getOrDefault(202, 0)).as("202s in %s", statuses).isGreaterThan(REQUESTS / 50);
	}

	/** As the gateway forwards it: to intake's path, with the secret and the client. */
	private EntityExchangeResult<byte[]> send(HostileRequest request) {
		return this.client.post().uri("/internal/v1/plan-requests").headers((headers) -> {
			request.headers().forEach(headers::set);
			headers.set("X-Stackplan-Internal-Token", this.properties.internalToken());
			headers.set("X-Stackplan-Client", "demo");
		})
			.body(BodyInserters
				.fromDataBuffers(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(request.body()))))
			.exchange()
			.expectBody()
			.returnResult();
	}

}
