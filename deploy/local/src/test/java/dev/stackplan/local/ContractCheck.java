package dev.stackplan.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.reactivestreams.Publisher;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.ExchangeResult;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.util.UriUtils;

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

	/** One validator per schema, built once: every exchange of the tests is checked. */
	private static final Map<String, JsonSchema> VALIDATORS = new ConcurrentHashMap<>();

	private ContractCheck() {
	}

	/**
	 * Marks a request that deliberately reaches no documented operation (an unknown
	 * route, an unsupported method, a path spelled to probe routing or security): its
	 * exchange is not checked. The value says why.
	 */
	static final String UNDOCUMENTED_ROUTE = "stackplan.contract.undocumented-route";

	/**
	 * Marks a request whose body deliberately breaks the contract (malformed, unknown or
	 * missing fields, another media type): only its answer is checked. The value says
	 * why.
	 */
	static final String INVALID_REQUEST = "stackplan.contract.invalid-request";

	/**
	 * Routes of the gateway's public port that are not operations of the API, each with
	 * the reason it is out of the contract.
	 */
	static final Map<String, String> OUTSIDE_THE_CONTRACT = Map.of("/", "the web page, HTML for people", "/app/",
			"the web page's scripts and styles", "/webjars/", "Swagger UI's own scripts and styles", "/readme",
			"the README as a page", "/actuator/",
			"actuators listen on the management port; the public port only answers their absence");

	/** Fails unless the contract documents this answer of {@code method pathTemplate}. */
	static void documented(String method, String pathTemplate, ExchangeResult answer) {
		byte[] body = (answer instanceof EntityExchangeResult<?> entity
				&& entity.getResponseBody() instanceof byte[] bytes) ? bytes : answer.getResponseBodyContent();
		documented(method, pathTemplate, answer.getStatus().value(), answer.getResponseHeaders(), body);
	}

	/**
	 * A client filter that checks every exchange against the contract: the request's path
	 * picks the operation, the request's JSON body must be valid for it (unless marked
	 * {@link #INVALID_REQUEST}) and the answer must be documented. A streamed answer
	 * ({@code text/event-stream}) is checked without its body, which it is still sending.
	 */
	static ExchangeFilterFunction everyExchange() {
		return (request, next) -> {
			if (request.attribute(UNDOCUMENTED_ROUTE).isPresent() || outsideTheContract(request.url().getRawPath())) {
				return next.exchange(request);
			}
			String template = pathTemplate(request.url());
			AtomicReference<byte[]> sent = new AtomicReference<>(new byte[0]);
			ClientRequest recording = ClientRequest.from(request)
				.body((message, context) -> request.body().insert(new ClientHttpRequestDecorator(message) {
					@Override
					public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
						return DataBufferUtils.join(body).flatMap((joined) -> {
							byte[] bytes = new byte[joined.readableByteCount()];
							joined.read(bytes);
							DataBufferUtils.release(joined);
							sent.set(bytes);
							return super.writeWith(Mono.just(message.bufferFactory().wrap(bytes)));
						}).switchIfEmpty(Mono.defer(() -> super.writeWith(Flux.empty())));
					}
				}, context))
				.build();
			String method = request.method().name();
			return next.exchange(recording).flatMap((response) -> {
				if (request.attribute(INVALID_REQUEST).isEmpty()) {
					validRequest(method, template, request.headers().getContentType(), sent.get());
				}
				MediaType type = response.headers().contentType().orElse(null);
				if (type != null && type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)) {
					documented(method, template, response.statusCode().value(), response.headers().asHttpHeaders(),
							null);
					return Mono.just(response);
				}
				return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).map((body) -> {
					documented(method, template, response.statusCode().value(), response.headers().asHttpHeaders(),
							body);
					return response.mutate()
						.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
						.build();
				});
			});
		};
	}

	private static boolean outsideTheContract(String path) {
		return OUTSIDE_THE_CONTRACT.keySet()
			.stream()
			.anyMatch(
					(route) -> route.endsWith("/") && route.length() > 1 ? path.startsWith(route) : path.equals(route));
	}

	/**
	 * The contract's path template for a URL, read as the gateway reads it: matrix
	 * parameters dropped and percent-encoding decoded.
	 */
	@SuppressWarnings("unchecked")
	static String pathTemplate(URI url) {
		String path = Arrays.stream(url.getRawPath().split("/", -1))
			.map((segment) -> UriUtils.decode(segment.replaceFirst(";.*", ""), StandardCharsets.UTF_8))
			.collect(Collectors.joining("/"));
		Set<String> templates = ((Map<String, Object>) CONTRACT.get("paths")).keySet();
		if (templates.contains(path)) {
			return path;
		}
		return templates.stream()
			.filter((template) -> path.matches(template.replaceAll("\\{[^/]+}", "[^/]+")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no path of the contract matches " + url.getRawPath()
					+ ": document it, or mark the request " + UNDOCUMENTED_ROUTE + " or list the route in "
					+ "ContractCheck.OUTSIDE_THE_CONTRACT, with the reason"));
	}

	/**
	 * Fails unless a request body is one the operation takes: a documented media type
	 * and, for JSON, valid against its schema, closed to unnamed fields.
	 */
	@SuppressWarnings("unchecked")
	static void validRequest(String method, String pathTemplate, MediaType type, byte[] body) {
		Map<String, Object> operation = operation(method, pathTemplate);
		Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
		if (requestBody == null || body.length == 0) {
			assertThat(body).as("%s %s takes no body", method, pathTemplate).isEmpty();
			return;
		}
		Map<String, Object> content = (Map<String, Object>) resolve(requestBody).get("content");
		assertThat(type).as("content type of a %s %s request", method, pathTemplate).isNotNull();
		String key = documentedType(content, type, method + " " + pathTemplate + " request");
		Object ref = ((Map<String, Object>) ((Map<String, Object>) content.get(key)).get("schema")).get("$ref");
		if (ref != null && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
			assertThat(violations((String) ref, body)).as("%s %s request body against %s", method, pathTemplate, ref)
				.isEmpty();
		}
	}

	/** Fails unless the contract documents this answer of {@code method pathTemplate}. */
	@SuppressWarnings("unchecked")
	static void documented(String method, String pathTemplate, int statusCode, HttpHeaders answerHeaders, byte[] body) {
		Map<String, Object> operation = operation(method, pathTemplate);
		Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
		String status = Integer.toString(statusCode);
		assertThat(responses).as("statuses of %s %s", method, pathTemplate).containsKey(status);
		Map<String, Object> response = resolve((Map<String, Object>) responses.get(status));
		MediaType type = answerHeaders.getContentType();
		String at = method + " " + pathTemplate + " " + status;
		if (type != null) {
			Map<String, Object> content = (Map<String, Object>) response.get("content");
			assertThat(content).as("content of %s", at).isNotNull();
			String key = documentedType(content, type, at);
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
					|| type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
				Object ref = ((Map<String, Object>) ((Map<String, Object>) content.get(key)).get("schema")).get("$ref");
				if (ref != null && body != null && body.length > 0) {
					assertThat(violations((String) ref, body)).as("%s body against %s", at, ref).isEmpty();
				}
			}
		}
		Map<String, Object> headers = (Map<String, Object>) response.getOrDefault("headers", Map.of());
		Set<String> documented = headers.keySet()
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		List<String> undocumented = answerHeaders.headerNames()
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.filter(API_HEADERS::contains)
			.filter((name) -> !documented.contains(name))
			.toList();
		assertThat(undocumented).as("undocumented headers of %s", at).isEmpty();
	}

	private static String documentedType(Map<String, Object> content, MediaType type, String at) {
		return content.keySet()
			.stream()
			.filter((name) -> MediaType.parseMediaType(name).isCompatibleWith(type))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"[" + type + " documented for " + at + " (" + content.keySet() + ")] expected: true"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> operation(String method, String pathTemplate) {
		Map<String, Object> paths = (Map<String, Object>) CONTRACT.get("paths");
		Map<String, Object> path = (Map<String, Object>) paths.get(pathTemplate);
		assertThat(path).as("path %s in the contract", pathTemplate).isNotNull();
		Map<String, Object> operation = (Map<String, Object>) path.get(method.toLowerCase(Locale.ROOT));
		assertThat(operation).as("%s %s in the contract", method, pathTemplate).isNotNull();
		return operation;
	}

	private static List<String> violations(String ref, byte[] body) {
		try {
			JsonSchema schema = VALIDATORS.computeIfAbsent(ref, (name) -> {
				ObjectNode root = SCHEMAS.deepCopy();
				root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
				root.put("$ref", name);
				return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
			});
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
