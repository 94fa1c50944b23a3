package dev.stackplan.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.stackplan.local.PlatformServices.Service;
import dev.stackplan.testsupport.Database;
import dev.stackplan.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One platform for all end-to-end tests of this JVM: four services on one real broker and
 * one real Postgres. Its gateway has a short plan timeout (PARTIAL plans in seconds) and
 * a rate-limited extra client.
 */
final class SharedPlatform {

	static final String DEMO_KEY = "demo-key";

	static final String OTHER_KEY = "other-key";

	static final String ANALYST_KEY = "analyst-key";

	/** A client allowed 1 request per second in bursts of 2. */
	static final String LIMITED_KEY = "limited-key";

	static final Duration PLAN_TIMEOUT = Duration.ofSeconds(4);

	private static PlatformServices services;

	private SharedPlatform() {
	}

	static synchronized PlatformServices services() {
		if (services == null) {
			services = start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> services.close(), "platform-stop"));
		}
		return services;
	}

	/** Stops and starts every service, as a full redeployment would. */
	static synchronized void restart() {
		services().close();
		services = start();
	}

	private static PlatformServices start() {
		Database db = TestInfrastructure.database();
		List<String> gateway = new ArrayList<>();
		gateway.add("--stackplan.gateway.plan-timeout=" + PLAN_TIMEOUT.toSeconds() + "s");
		// a list set here replaces the whole configured list, so every client is named
		// again
		addClient(gateway, 0, "demo", "c48a01f49fd0f2cc404bc3cbbc80e91457a3d41bb429a695243de4c61794155c");
		addClient(gateway, 1, "other", "580843d03d2216ff1a275d0991bad66e4d1af871171d929e9de604b7959f9bca");
		addClient(gateway, 2, "limited", "f33b2500796d61f96eeef0f5331ddc40c17e434aff139f4d9e00bfe75170d87a");
		gateway.add("--stackplan.gateway.clients[2].requests-per-second=1");
		gateway.add("--stackplan.gateway.clients[2].burst=2");
		addClient(gateway, 3, "analyst", "80074cff8a21baffbaa8233e153ab4d5790f4f287da97d2e3363fae6b7613ded");
		gateway.add("--stackplan.gateway.clients[3].roles=client,analyst");
		return PlatformServices.start(TestInfrastructure.kafkaBootstrapServers(),
				new DatabaseEndpoint(db.host(), db.port(), db.name(), db.user(), db.password()), ServicePorts.random(),
				3, gateway.toArray(String[]::new));
	}

	private static void addClient(List<String> args, int index, String id, String keySha256) {
		args.add("--stackplan.gateway.clients[" + index + "].id=" + id);
		args.add("--stackplan.gateway.clients[" + index + "].key-sha256=" + keySha256);
	}

	/** The public API as a client with this key calls it. */
	static WebTestClient gateway(String apiKey) {
		return gatewayClient().defaultHeader("Authorization", "Bearer " + apiKey).build();
	}

	/** The public API as a caller without a key meets it. */
	static WebTestClient anonymous() {
		return gatewayClient().build();
	}

	/** Every exchange with the public port is checked against the API contract. */
	private static WebTestClient.Builder gatewayClient() {
		return WebTestClient.bindToServer()
			.baseUrl(services().gatewayUrl())
			.filter(ContractCheck.everyExchange())
			.responseTimeout(Duration.ofSeconds(40))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024));
	}

	/** Posts a plan request that must be accepted: 202, a Location, PENDING. */
	static UUID accept(WebTestClient client, Map<String, Object> request) {
		JsonNode accepted = client.post()
			.uri("/api/v1/plans")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.ACCEPTED)
			.expectHeader()
			.valueMatches("Location", "/api/v1/plans/[0-9a-f-]{36}")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(accepted.path("status").asString()).isEqualTo("PENDING");
		return UUID.fromString(accepted.path("planId").asString());
	}

	/** Reads a plan the client owns. */
	static JsonNode plan(WebTestClient client, UUID planId) {
		return read(client, "/api/v1/plans/" + planId);
	}

	/** GETs what must be there: 200 and its JSON. */
	static JsonNode read(WebTestClient client, String uri) {
		return ok(client.get().uri(uri), JsonNode.class);
	}

	/** Exchanges a request that must succeed: 200 and its body. */
	static <T> T ok(WebTestClient.RequestHeadersSpec<?> request, Class<T> type) {
		return request.exchange().expectStatus().isOk().expectBody(type).returnResult().getResponseBody();
	}

	/** Starts a scenario that must be accepted: its URL, from the 202's Location. */
	static String startScenario(WebTestClient analyst, String body) {
		return analyst.post()
			.uri("/api/v1/scenarios")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isAccepted()
			.returnResult(JsonNode.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
	}

	/**
	 * The problem an answer carries, once its status and its problem+json type are
	 * checked.
	 */
	static JsonNode problem(WebTestClient.ResponseSpec response, HttpStatus status) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/** A 401 problem that asks for an API key of the gateway's realm. */
	static WebTestClient.BodyContentSpec keyRequired(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer realm=\"stackplan\"")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody();
	}

	/** A service's metrics, as Prometheus scrapes them from its management port. */
	static String scrape(Service service) {
		return ok(WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + services().managementPort(service))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus"), String.class);
	}

}
