package dev.stackplan.local;

import java.net.URI;
import java.util.UUID;

import dev.stackplan.local.PlatformServices.Service;
import dev.stackplan.testsupport.ListeningSockets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security promises on the running platform: only the gateway's public port is
 * reachable from elsewhere, every spelling of an API path needs a key, and intake
 * believes no one but its own gateway.
 */
class SecurityEndToEndTests {

	private final WebTestClient demo = SharedPlatform.gateway(SharedPlatform.DEMO_KEY);

	@Test
	void everySpellingOfAnApiPathNeedsAKey() {
		WebTestClient anonymous = SharedPlatform.anonymous();

		for (String path : new String[] { "/api;x/v1/plans", "/%61pi/v1/plans", "/API/v1/plans", "/api/v1/plans/",
				"/api/v1;x/plans", "/api/v1/%70lans" }) {
			SharedPlatform
				.keyRequired(anonymous.get()
					.uri(gateway(path))
					.attribute(ContractCheck.UNDOCUMENTED_ROUTE, "a spelling that probes the key check")
					.exchange())
				.jsonPath("$.status")
				.isEqualTo(401);
		}
		anonymous.post()
			.uri(gateway("/api;x/v1/plans"))
			.attribute(ContractCheck.UNDOCUMENTED_ROUTE, "a spelling that probes the key check")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(PlanRequestMother.seedStageSaas())
			.exchange()
			.expectStatus()
			.isUnauthorized();
		anonymous.get()
			.uri(gateway("//api/v1/plans"))
			.attribute(ContractCheck.UNDOCUMENTED_ROUTE, "a spelling that probes the key check")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).as("refused, never a controller's answer").isIn(400, 401))
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theDocsStayPublic() {
		WebTestClient anonymous = SharedPlatform.anonymous();

		anonymous.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
		anonymous.get().uri("/docs").exchange().expectStatus().isOk();
		anonymous.get().uri("/webjars/swagger-ui/swagger-ui.css").exchange().expectStatus().isOk();
		// a wrong key on a public page is ignored, as before
		anonymous.get()
			.uri("/v3/api-docs")
			.header("Authorization", "Bearer not-a-key")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void theWebPageAndItsScriptsArePublicButTheDataTheyShowNeedsAKey() {
		WebTestClient anonymous = SharedPlatform.anonymous();

		assertThat(SharedPlatform.ok(anonymous.get().uri("/"), String.class))
			.contains("<script type=\"module\" src=\"/app/main.js\">");
		anonymous.get()
			.uri("/app/main.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Content-Type", (type) -> assertThat(type).contains("javascript"));
		anonymous.get().uri("/app/styles.css").exchange().expectStatus().isOk();
		anonymous.get().uri("/api/v1/knowledge").exchange().expectStatus().isUnauthorized();
		// only the page's own folder: the class path's other files stay out of reach
		anonymous.get()
			.uri("/app/../application.yml")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isIn(400, 401, 404));
		anonymous.get()
			.uri("/app/%2e%2e/application.yml")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isIn(400, 401, 404));
	}

	@Test
	void withAKeyAMatrixOrEncodedSpellingStillReachesTheCallersOwnPlans() {
		UUID planId = SharedPlatform.accept(this.demo, PlanRequestMother.seedStageSaas());

		for (String path : new String[] { "/api;x/v1/plans?limit=100", "/%61pi/v1/plans?limit=100" }) {
			JsonNode page = SharedPlatform.ok(this.demo.get().uri(gateway(path)), JsonNode.class);
			assertThat(page.path("items").findValuesAsString("planId")).contains(planId.toString());
		}
	}

	@Test
	void intakeRefusesACallWithoutTheGatewaysSecretWhateverClientItNames() {
		WebTestClient intake = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + SharedPlatform.services().port(Service.INTAKE))
			.build();

		for (String token : new String[] { null, "", "local-only-internal-token", "guess" }) {
			WebTestClient.RequestBodySpec call = intake.post()
				.uri("/internal/v1/plan-requests")
				.header("X-Stackplan-Client", "demo");
			if (token != null) {
				call = call.header("X-Stackplan-Internal-Token", token);
			}
			String body = SharedPlatform
				.problem(call.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(PlanRequestMother.seedStageSaas())
					.exchange(), HttpStatus.UNAUTHORIZED)
				.toString();
			assertThat(body).as("token %s", token)
				.contains("\"status\":401")
				.doesNotContain("Exception")
				.doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w+");
		}
		// the gateway's own calls carry the platform's secret
		SharedPlatform.accept(this.demo, PlanRequestMother.seedStageSaas());
	}

	@Test
	void internalPortsAndActuatorsListenOnLoopbackOnly() {
		Assumptions.assumeTrue(ListeningSockets.available(), "needs /proc/net/tcp (Linux)");
		PlatformServices services = SharedPlatform.services();

		for (Service service : new Service[] { Service.INTAKE, Service.SCORING, Service.COSTING }) {
			assertThat(ListeningSockets.addresses(services.port(service))).as("%s", service)
				.containsExactly("127.0.0.1");
		}
		assertThat(ListeningSockets.addresses(services.managementPort(Service.GATEWAY))).as("gateway actuator")
			.containsExactly("127.0.0.1");
		assertThat(ListeningSockets.addresses(services.port(Service.GATEWAY))).as("the public port")
			.isNotEmpty()
			.doesNotContain("127.0.0.1");
	}

	private static URI gateway(String path) {
		return URI.create(SharedPlatform.services().gatewayUrl() + path);
	}

}
