package dev.stackplan.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Creates a what-if scenario and follows its progress through the public API. */
final class ScenarioClient {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String gatewayUrl;

	private final String analystKey;

	ScenarioClient(String gatewayUrl, String analystKey) {
		this.gatewayUrl = gatewayUrl;
		this.analystKey = analystKey;
	}

	/** A scenario without overrides over the requests accepted between two instants. */
	UUID createZeroOverride(String name, Instant from, Instant to) throws IOException, InterruptedException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("source", Map.of("from", from.toString(), "to", to.toString()));
		HttpResponse<String> response = this.http.send(request("/api/v1/scenarios")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)))
			.header("Content-Type", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 202) {
			throw new IllegalStateException(
					"creating the replay scenario answered " + response.statusCode() + ": " + response.body());
		}
		return UUID.fromString(this.json.readTree(response.body()).get("scenarioId").asString());
	}

	/** The scenario as the API shows it (status, progress, createdAt, finishedAt). */
	JsonNode read(UUID scenarioId) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request("/api/v1/scenarios/" + scenarioId).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("reading scenario " + scenarioId + " answered " + response.statusCode());
		}
		return this.json.readTree(response.body());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.gatewayUrl + path))
			.timeout(CALL_TIMEOUT)
			.header("Authorization", "Bearer " + this.analystKey);
	}

}
