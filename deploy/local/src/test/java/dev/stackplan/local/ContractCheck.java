package dev.stackplan.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.ExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a real answer against {@code plan-api.yaml}: its status, its media type and the
 * API's own headers must be documented for the operation, and a JSON body must be valid
 * against its schema, closed to fields the contract does not name
 * ({@link ContractCheckTests} shows each refusal).
 */
final class ContractCheck {

	/**
	 * Headers the API sets itself; the framework's security headers are not part of it.
	 */
	private static final Set<String> API_HEADERS = Set.of("location", "retry-after", "www-authenticate", "x-request-id",
			"ratelimit", "ratelimit-policy", "preference-applied", "idempotent-replayed");

	private static final Map<String, Object> CONTRACT = load();

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * The contract as one schema document, every object schema closed to unnamed
	 * properties.
	 */
	private static final ObjectNode SCHEMAS = closed(JSON.valueToTree(CONTRACT));

	private ContractCheck() {
	}

	/** Fails unless the contract documents this answer of {@code method pathTemplate}. */
	@SuppressWarnings("unchecked")
	static void documented(String method, String pathTemplate, ExchangeResult answer) {
		Map<String, Object> paths = (Map<String, Object>) CONTRACT.get("paths");
		Map<String, Object> path = (Map<String, Object>) paths.get(pathTemplate);
		assertThat(path).as("path %s in the contract", pathTemplate).isNotNull();
		Map<String, Object> operation = (Map<String, Object>) path.get(method.toLowerCase(Locale.ROOT));
		assertThat(operation).as("%s %s in the contract", method, pathTemplate).isNotNull();
		Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
		String status = Integer.toString(answer.getStatus().value());
		assertThat(responses).as("statuses of %s %s", method, pathTemplate).containsKey(status);
		Map<String, Object> response = resolve((Map<String, Object>) responses.get(status));
		MediaType type = answer.getResponseHeaders().getContentType();
		if (type != null) {
			Map<String, Object> content = (Map<String, Object>) response.get("content");
			assertThat(content).as("content of %s %s %s", method, pathTemplate, status).isNotNull();
			assertThat(content.keySet().stream().map(MediaType::parseMediaType).anyMatch(type::isCompatibleWith))
				.as("%s documented for %s %s %s (%s)", type, method, pathTemplate, status, content.keySet())
				.isTrue();
		}
		if (type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
				|| type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
			Map<String, Object> content = (Map<String, Object>) response.get("content");
			String key = content.keySet()
				.stream()
				.filter((name) -> MediaType.parseMediaType(name).isCompatibleWith(type))
				.findFirst()
				.orElseThrow();
			Object ref = ((Map<String, Object>) ((Map<String, Object>) content.get(key)).get("schema")).get("$ref");
			byte[] body = (answer instanceof EntityExchangeResult<?> entity
					&& entity.getResponseBody() instanceof byte[] bytes) ? bytes : answer.getResponseBodyContent();
			if (ref != null && body != null && body.length > 0) {
				assertThat(violations((String) ref, body))
					.as("%s %s %s body against %s", method, pathTemplate, status, ref)
					.isEmpty();
			}
		}
		Map<String, Object> headers = (Map<String, Object>) response.getOrDefault("headers", Map.of());
		Set<String> documented = headers.keySet()
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(java.util.stream.Collectors.toSet());
		List<String> undocumented = answer.getResponseHeaders()
			.headerNames()
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.filter(API_HEADERS::contains)
			.filter((name) -> !documented.contains(name))
			.toList();
		assertThat(undocumented).as("undocumented headers of %s %s %s", method, pathTemplate, status).isEmpty();
	}

	private static List<String> violations(String ref, byte[] body) {
		try {
			ObjectNode root = SCHEMAS.deepCopy();
			root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
			root.put("$ref", ref);
			JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
			return schema.validate(JSON.readTree(body)).stream().map(ValidationMessage::getMessage).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Adds {@code unevaluatedProperties: false} to every object schema that names its
	 * properties, except inside an {@code allOf}.
	 */
	private static ObjectNode closed(JsonNode contract) {
		ObjectNode copy = (ObjectNode) contract.deepCopy();
		close(copy.path("components").path("schemas"), false);
		// a schema that is also a part of an allOf stays open at its top level: closed,
		// it
		// would refuse the properties its allOf siblings add
		((ObjectNode) copy.path("components").path("schemas").path("StaffingEstimate")).remove("unevaluatedProperties");
		return copy;
	}

	private static void close(JsonNode node, boolean insideAllOf) {
		if (node instanceof ObjectNode object) {
			if (object.has("properties") && !insideAllOf && !object.has("unevaluatedProperties")
					&& !object.has("additionalProperties")) {
				object.put("unevaluatedProperties", false);
			}
			object.properties()
				.forEach((entry) -> close(entry.getValue(), insideAllOf || "allOf".equals(entry.getKey())));
		}
		else if (node instanceof ArrayNode array) {
			array.forEach((item) -> close(item, insideAllOf));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> resolve(Map<String, Object> node) {
		Object ref = node.get("$ref");
		if (ref == null) {
			return node;
		}
		Object target = CONTRACT;
		for (String part : ((String) ref).substring(2).split("/")) {
			target = ((Map<String, Object>) target).get(part);
		}
		return resolve((Map<String, Object>) target);
	}

	private static Map<String, Object> load() {
		try (InputStream in = ContractCheck.class.getClassLoader().getResourceAsStream("openapi/plan-api.yaml")) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
