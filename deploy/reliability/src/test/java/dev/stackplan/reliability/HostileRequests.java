package dev.stackplan.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;

/**
 * Hostile HTTP requests to the gateway from a jqwik generator: valid plan bodies with one
 * field replaced by a hostile value, broken JSON, other encodings and content types,
 * crafted cursors and list limits, scenario times at the edges of what {@code Instant}
 * holds, malformed plan ids and odd headers. A local stand-in until the shared generator
 * ({@code HostileRequests} in test-support, branch {@code input}) is merged; the
 * assertions do not depend on which generates.
 */
final class HostileRequests {

	/**
	 * One request as bytes on the wire.
	 *
	 * @param head request line and headers (without Host, Connection, Content-Length)
	 * @param body the body
	 */
	record Request(String head, byte[] body) {

		@Override
		public String toString() {
			String text = new String(this.body, StandardCharsets.UTF_8);
			return this.head.replace("\r\n", " | ") + " || " + ((text.length() > 300) ? text.substring(0, 300) : text);
		}

	}

	private static final int GEN_SIZE = 1000;

	private static final List<String> PLAN_FIELDS = List.of("product.name", "product.kind", "product.features",
			"product.expectedRps", "product.existingFramework", "team.engineers", "team.seniorEngineers",
			"timelineWeeks", "budgetUsd");

	private static final List<String> HOSTILE_VALUES = List.of("1e309", "-1e309", "1e-400", "-1", "0", "2147483648",
			"-2147483649", "99999999999999999999999999999", "1.5", "\"x\"", "null", "true", "[]", "{}", "\"\\u0000\"",
			"\"a\\u0000b\"", "\"\\ud800\"", "\"\\udfff x\"", "\"" + "x".repeat(20_000) + "\"", "NaN", "Infinity",
			"\"1e309\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
			"\"SAAS\\\"\"", "\"<script>\"", "\"../../etc/passwd\"", "\"${jndi:ldap://x}\"", "0x10", "01", "-0", "1E400",
			"[\"AUTH\",\"AUTH\"]", "[\"NOPE\"]", "[null]");

	private static final List<String> SCENARIO_TIMES = List.of("1969-12-31T23:59:59Z", "+999999999-01-01T00:00:00Z",
			"-999999999-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2999-01-01T00:00:00Z",
			"not a time", "", "1970-01-01", "1e309", "9999999999999999999", "1980-02-30T00:00:00Z");

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-16",
			"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
			"application/json; charset=latin1", "*/*", "");

	private HostileRequests() {
	}

	static RandomGenerator<Request> generator() {
		return all().generator(GEN_SIZE, true);
	}

	static Request next(RandomGenerator<Request> generator, Random random) {
		return generator.next(random).value();
	}

	private static Arbitrary<Request> all() {
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, planWithAHostileField()),
				net.jqwik.api.Tuple.of(2, brokenPlanBodies()), net.jqwik.api.Tuple.of(1, oddContentTypes()),
				net.jqwik.api.Tuple.of(2, planLists()), net.jqwik.api.Tuple.of(1, planReads()),
				net.jqwik.api.Tuple.of(2, scenarios()), net.jqwik.api.Tuple.of(1, oddHeaders()));
	}

	private static Arbitrary<String> validBody() {
		return Arbitraries.integers().between(0, 1000).map(PlanRequests::varied);
	}

	private static Arbitrary<Request> planWithAHostileField() {
		Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(HOSTILE_VALUES),
				Arbitraries.strings().all().ofMaxLength(40).map(HostileRequests::jsonString),
				Arbitraries.bigDecimals().map(Object::toString), Arbitraries.longs().map(Object::toString));
		return Combinators.combine(validBody(), Arbitraries.of(PLAN_FIELDS), value)
			.as((body, field, replacement) -> post("/api/v1/plans", SharedPlatform.DEMO_KEY, "application/json",
					replace(body, field, replacement)));
	}

	private static Arbitrary<Request> brokenPlanBodies() {
		return Combinators
			.combine(validBody(), Arbitraries.integers().between(0, 6),
					Arbitraries.bytes().array(byte[].class).ofMaxSize(200))
			.as((body, how, noise) -> {
				String broken = switch (how) {
					case 0 -> body.substring(0, body.length() / 2);
					case 1 -> body + "{}";
					case 2 -> body.replace("{\"product\":", "{\"timelineWeeks\":1,\"timelineWeeks\":2,\"product\":");
					case 3 -> "";
					case 4 -> "[" + body + "]";
					case 5 -> body.replace("\"team\"", "\"teem\"");
					default -> null;
				};
				return (broken != null) ? post("/api/v1/plans", SharedPlatform.DEMO_KEY, "application/json", broken)
						: new Request(head("POST", "/api/v1/plans", SharedPlatform.DEMO_KEY, "application/json"),
								noise);
			});
	}

	private static Arbitrary<Request> oddContentTypes() {
		return Combinators.combine(validBody(), Arbitraries.of(CONTENT_TYPES), Arbitraries.of(true, false))
			.as((body, type, utf16) -> new Request(head("POST", "/api/v1/plans", SharedPlatform.DEMO_KEY, type),
					body.getBytes(utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8)));
	}

	private static Arbitrary<Request> planLists() {
		Arbitrary<String> cursor = Arbitraries.oneOf(
				Arbitraries.strings().alpha().numeric().withChars("-_=+/%").ofMaxLength(80),
				Arbitraries.longs()
					.map((epoch) -> java.util.Base64.getUrlEncoder()
						.withoutPadding()
						.encodeToString((epoch + ":" + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))),
				Arbitraries.of("", "%00", "%FF%FE", "..", "null"));
		Arbitrary<String> limit = Arbitraries.oneOf(Arbitraries.integers().map(Object::toString),
				Arbitraries.of("", "1e309", "-0", "abc", "99999999999999999999", "%00"));
		return Combinators.combine(cursor, limit)
			.as((c, l) -> new Request(
					head("GET", "/api/v1/plans?cursor=" + c + "&limit=" + l, SharedPlatform.DEMO_KEY, null),
					new byte[0]));
	}

	private static Arbitrary<Request> planReads() {
		Arbitrary<String> id = Arbitraries.oneOf(
				Arbitraries.strings().alpha().numeric().withChars("-%.;").ofMaxLength(60),
				Arbitraries.of("00000000-0000-0000-0000-000000000000", "%2e%2e", "..%2f..%2finternal%2fv1",
						"x".repeat(5000), "ffffffff-ffff-ffff-ffff-fffffffffffff"));
		return id.map((value) -> new Request(head("GET", "/api/v1/plans/" + value, SharedPlatform.DEMO_KEY, null),
				new byte[0]));
	}

	/**
	 * Dry runs mostly; a real scenario only over times outside every plan of the suite,
	 * so none replays the log.
	 */
	private static Arbitrary<Request> scenarios() {
		return Combinators
			.combine(Arbitraries.of(SCENARIO_TIMES), Arbitraries.of(SCENARIO_TIMES), Arbitraries.of(true, true, false),
					Arbitraries.of("{}", "{\"x\":1}", "{\"rates\":{\"SENIOR\":\"x\"}}", "null", "[]",
							"{\"rates\":{\"SENIOR\":1e309}}"))
			.as((from, to, dryRun, overrides) -> post("/api/v1/scenarios", SharedPlatform.ANALYST_KEY,
					"application/json", "{\"name\":\"hostile\",\"dryRun\":" + dryRun + ",\"source\":{\"from\":\"" + from
							+ "\",\"to\":\"" + to + "\"},\"overrides\":" + overrides + "}"));
	}

	private static Arbitrary<Request> oddHeaders() {
		Arbitrary<String> header = Arbitraries.of("Idempotency-Key: " + "k".repeat(2000), "Idempotency-Key: ",
				"Idempotency-Key: \u00e9\u00e8", "Prefer: wait=abc", "Prefer: wait=99999999999", "X-Request-Id: ../..",
				"X-Request-Id: " + "r".repeat(500), "Accept: application/xml", "Accept: text/event-stream",
				"X-Api-Key: demo-key\r\nX-Api-Key: other-key", "Authorization: Bearer ", "Authorization: Basic x",
				"Content-Encoding: gzip", "Transfer-Encoding: chunked");
		return Combinators.combine(validBody(), header).as((body, extra) -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			return new Request(
					head("POST", "/api/v1/plans", SharedPlatform.DEMO_KEY, "application/json") + "\r\n" + extra, bytes);
		});
	}

	private static Request post(String path, String key, String contentType, String body) {
		return new Request(head("POST", path, key, contentType), body.getBytes(StandardCharsets.UTF_8));
	}

	private static String head(String method, String path, String key, String contentType) {
		StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1");
		head.append("\r\nAuthorization: Bearer ").append(key);
		if (contentType != null && !contentType.isEmpty()) {
			head.append("\r\nContent-Type: ").append(contentType);
		}
		return head.toString();
	}

	/**
	 * A JSON string of any characters, lone surrogates and controls escaped as \\uXXXX.
	 */
	private static String jsonString(String raw) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : raw.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	/**
	 * The body with one field's value replaced, textually (a parser would refuse some
	 * values).
	 */
	private static String replace(String body, String field, String value) {
		String name = field.substring(field.lastIndexOf('.') + 1);
		return body.replaceFirst("\"" + name + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|[-0-9.eE]+)",
				java.util.regex.Matcher.quoteReplacement("\"" + name + "\":" + value));
	}

}
