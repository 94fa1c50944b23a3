package dev.stackplan.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.stackplan.reliability.Http.Reply;
import dev.stackplan.reliability.PlatformProcesses.Service;
import dev.stackplan.testsupport.ListeningSockets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must show (7): the security cases of issue 11 against the services as separate
 * processes, configured only by their defaults and the environment a deployment sets.
 */
@ExtendWith(SharedPlatform.class)
class SecurityReliabilityIT {

	private static final String INTAKE_PATH = "/internal/v1/plan-requests";

	private static final int TIMED_READS = 50;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void wholePlatform() {
		SharedPlatform.platform().ensureRunning();
	}

	@Test
	void intakeScoringCostingAndTheGatewaysManagementPortListenOnLoopbackOnly() {
		Assumptions.assumeTrue(ListeningSockets.available(), "needs /proc/net/tcp (Linux)");
		PlatformProcesses.Ports ports = SharedPlatform.platform().ports();

		for (Service service : List.of(Service.INTAKE, Service.SCORING, Service.COSTING)) {
			assertThat(ListeningSockets.addresses(ports.http(service))).as("%s", service).containsExactly("127.0.0.1");
		}
		assertThat(ListeningSockets.addresses(ports.gatewayManagement())).as("gateway management port")
			.containsExactly("127.0.0.1");
		assertThat(ListeningSockets.addresses(ports.gateway())).as("the public port").isNotEmpty();
	}

	@Test
	void intakeRefusesACallWithoutTheInternalTokenEvenWhenItNamesAClient() {
		String intake = "http://127.0.0.1:" + SharedPlatform.platform().ports().intake() + INTAKE_PATH;

		for (String token : new String[] { null, "", "local-only-internal-token", "guess" }) {
			Map<String, String> headers = new HashMap<>(Map.of("X-Stackplan-Client", "demo"));
			if (token != null) {
				headers.put("X-Stackplan-Internal-Token", token);
			}
			Reply reply = Http.post(intake, null, headers, PlanRequests.varied(1));
			assertThat(reply.status()).as("token %s: %s", token, reply.body()).isEqualTo(401);
			assertThat(reply.body()).as("token %s", token).doesNotContain("Exception");
		}
	}

	@Test
	void aMatrixParameterOrAnEncodedLetterInTheApiPathStillNeedsAKey() {
		int gateway = SharedPlatform.platform().ports().gateway();

		for (String path : List.of("/api;x/v1/plans", "/%61pi/v1/plans")) {
			Reply reply = Http.raw(gateway, "GET " + path + " HTTP/1.1", new byte[0]);
			assertThat(reply.status()).as("GET %s without a key: %s", path, reply.body()).isEqualTo(401);
		}
	}

	@Test
	void anotherClientsPlanAndAPlanThatDoesNotExistAreTheSame404() {
		PlatformProcesses platform = SharedPlatform.platform();
		Reply created = Http.post(platform.gatewayUrl() + "/api/v1/plans", SharedPlatform.DEMO_KEY,
				Map.of("Idempotency-Key", UUID.randomUUID().toString()), PlanRequests.varied(2));
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		String demosPlan = this.json.readTree(created.body()).path("planId").asString();

		Reply notYours = Http.get(platform.gatewayUrl() + "/api/v1/plans/" + demosPlan, SharedPlatform.OTHER_KEY);
		String unknownId = UUID.randomUUID().toString();
		Reply unknown = Http.get(platform.gatewayUrl() + "/api/v1/plans/" + unknownId, SharedPlatform.OTHER_KEY);

		assertThat(notYours.status()).as("another client's plan: %s", notYours.body()).isEqualTo(404);
		assertThat(unknown.status()).as("an unknown plan: %s", unknown.body()).isEqualTo(404);
		assertThat(sameFor(notYours.body(), demosPlan)).as("the two problems, but for the id they name")
			.isEqualTo(sameFor(unknown.body(), unknownId));
		List<Duration> notYoursTimes = new ArrayList<>();
		List<Duration> unknownTimes = new ArrayList<>();
		// alternated, so that warming up and the machine's other load fall on both alike
		for (int i = 0; i < TIMED_READS; i++) {
			notYoursTimes.add(
					Http.get(platform.gatewayUrl() + "/api/v1/plans/" + demosPlan, SharedPlatform.OTHER_KEY).latency());
			unknownTimes
				.add(Http.get(platform.gatewayUrl() + "/api/v1/plans/" + UUID.randomUUID(), SharedPlatform.OTHER_KEY)
					.latency());
		}
		ReliabilityReport.note("security",
				"median of %d alternated reads: another client's plan %.2f ms, an unknown plan %.2f ms"
					.formatted(TIMED_READS, medianMillis(notYoursTimes), medianMillis(unknownTimes)));
	}

	/**
	 * What a caller can tell from a problem: every field but the request id (new on every
	 * answer), with the plan id it names replaced.
	 */
	private String sameFor(String body, String planId) {
		ObjectNode problem = (ObjectNode) this.json.readTree(body);
		problem.remove("requestId");
		return problem.toString().replace(planId, "<plan id>");
	}

	private static double medianMillis(List<Duration> times) {
		times.sort(Duration::compareTo);
		return times.get(TIMED_READS / 2).toNanos() / 1e6;
	}

}
