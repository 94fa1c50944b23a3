package dev.stackplan.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's example requests, run against the platform, answer JSON of the shape the
 * README shows beside them: the same keys at every level, the same value types, arrays
 * element by element. An excerpt that leaves members out says so with a member
 * {@value #ELIDED}{@code : "…"}. A plan or scenario id in a command stands for one of the
 * caller's own, made here.
 */
class ReadmeExcerptsEndToEndTests {

	/** The member by which an excerpt says it leaves out the object's other members. */
	static final String ELIDED = "…";

	private static final Pattern UUID_IN_PATH = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** The README's replay window, replaced by one around the plan made here. */
	private static final Pattern WINDOW = Pattern.compile("\"from\": \"[^\"]+\", \"to\": \"[^\"]+\"");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void everyJsonExcerptBesideAnExampleRequestHasTheShapeOfTheRealAnswer() throws IOException {
		WebTestClient demo = SharedPlatform.gateway(SharedPlatform.DEMO_KEY);
		UUID planId = SharedPlatform.accept(demo, PlanRequestMother.seedStageSaas());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "COMPLETE".equals(SharedPlatform.plan(demo, planId).path("status").asString()));
		String from = SharedPlatform.plan(demo, planId).path("requestedAt").asString();
		String window = "\"from\": \"" + Instant.parse(from).minusSeconds(1) + "\", \"to\": \""
				+ Instant.now().plusSeconds(1) + "\"";
		WebTestClient analyst = SharedPlatform.gateway(SharedPlatform.ANALYST_KEY);
		String scenario = SharedPlatform.startScenario(analyst, "{\"name\": \"senior rates +20%\", \"source\": {"
				+ window
				+ "}, \"overrides\": {\"cost\": {\"onDemand\": {\"tiers\": {\"SENIOR\": {\"weeklyUsd\": 1800}}}}}}");
		String scenarioId = scenario.substring(scenario.lastIndexOf('/') + 1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "COMPLETE".equals(SharedPlatform.read(analyst, scenario).path("status").asString()));
		List<Example> examples = examples(Files.readAllLines(Path.of("../../README.md")));

		assertThat(examples).as("the README's checked examples").hasSizeGreaterThanOrEqualTo(6);
		List<String> mismatches = new ArrayList<>();
		for (Example example : examples) {
			JsonNode answer = run(example,
					example.path().startsWith("/api/v1/scenarios") ? scenarioId : planId.toString(), window);
			// the real answers, to write the README's excerpts from
			Path written = Path.of("target/readme-answers/line-" + example.line() + ".json");
			Files.createDirectories(written.getParent());
			Files.writeString(written, answer.toPrettyString());
			List<String> differences = new ArrayList<>();
			compare("$", JSON.readTree(example.excerpt()), answer, differences);
			differences.forEach((difference) -> mismatches
				.add("README line " + example.line() + " (" + example.command() + "): " + difference));
		}
		assertThat(mismatches).as("README excerpts whose shape is not the answer's").isEmpty();
	}

	@Test
	void aShapeMismatchNamesThePath() throws IOException {
		List<String> differences = new ArrayList<>();

		compare("$", JSON.readTree("{\"a\":{\"b\":[{\"c\":1}]},\"d\":\"x\",\"" + ELIDED + "\":\"" + ELIDED + "\"}"),
				JSON.readTree("{\"a\":{\"b\":[{\"c\":\"1\"}]},\"d\":\"y\",\"e\":true}"), differences);

		assertThat(differences).containsExactly("$.a.b[0].c: a number in the README, a string in the answer");
		compare("$", JSON.readTree("{\"a\":1}"), JSON.readTree("{\"a\":1,\"b\":2}"), differences);
		assertThat(differences).last().isEqualTo("$: members [b] of the answer are not in the README");
	}

	private static JsonNode run(Example example, String id, String window) {
		String path = UUID_IN_PATH.matcher(example.path()).replaceAll(id);
		WebTestClient.RequestBodySpec call = SharedPlatform.anonymous()
			.method(HttpMethod.valueOf(example.method()))
			.uri(path);
		example.headers().forEach(call::header);
		if (example.excerpt().contains("\"/problems/not-found\"")
				|| example.excerpt().contains("\"/problems/method-not-allowed\"")) {
			call.attribute(ContractCheck.UNDOCUMENTED_ROUTE, "the README's example of an unknown route or method");
		}
		else if (example.answersAnError()) {
			call.attribute(ContractCheck.INVALID_REQUEST, "the README's example of refused input");
		}
		EntityExchangeResult<byte[]> result = (example.body() == null) ? call.exchange().expectBody().returnResult()
				: call.bodyValue(WINDOW.matcher(example.body()).replaceAll(Matcher.quoteReplacement(window)))
					.exchange()
					.expectBody()
					.returnResult();
		return JSON.readTree(result.getResponseBody());
	}

	/** Adds every place where the excerpt's shape is not the answer's. */
	static void compare(String at, JsonNode excerpt, JsonNode answer, List<String> differences) {
		if (!kind(excerpt).equals(kind(answer))) {
			differences.add(at + ": " + kind(excerpt) + " in the README, " + kind(answer) + " in the answer");
			return;
		}
		if (excerpt.isObject()) {
			boolean elided = excerpt.has(ELIDED);
			List<String> extra = new ArrayList<>();
			for (String name : answer.propertyNames()) {
				if (!excerpt.has(name) && !elided) {
					extra.add(name);
				}
			}
			for (String name : excerpt.propertyNames()) {
				if (name.equals(ELIDED)) {
					continue;
				}
				if (!answer.has(name)) {
					differences.add(at + "." + name + ": in the README, not in the answer");
				}
				else {
					compare(at + "." + name, excerpt.get(name), answer.get(name), differences);
				}
			}
			if (!extra.isEmpty()) {
				differences.add(at + ": members " + extra + " of the answer are not in the README");
			}
		}
		else if (excerpt.isArray()) {
			for (int i = 0; i < excerpt.size(); i++) {
				if (i >= answer.size()) {
					differences.add(at + "[" + i + "]: in the README, not in the answer");
				}
				else {
					compare(at + "[" + i + "]", excerpt.get(i), answer.get(i), differences);
				}
			}
		}
	}

	private static String kind(JsonNode node) {
		if (node.isObject()) {
			return "an object";
		}
		if (node.isArray()) {
			return "an array";
		}
		if (node.isNumber()) {
			return "a number";
		}
		if (node.isBoolean()) {
			return "a boolean";
		}
		if (node.isNull()) {
			return "null";
		}
		return "a string";
	}

	/**
	 * The README's {@code $ curl} commands to the local gateway (continued on indented
	 * lines) with the JSON they answer, printed after them (after the headers with
	 * {@code -i}) or in the {@code json} block right after. Commands piped through
	 * another program or shortened with {@code ...} show no raw answer and are not
	 * examples here.
	 */
	static List<Example> examples(List<String> readme) {
		List<Example> examples = new ArrayList<>();
		for (int i = 0; i < readme.size(); i++) {
			if (!readme.get(i).startsWith("$ curl ")) {
				continue;
			}
			int line = i + 1;
			StringBuilder command = new StringBuilder(readme.get(i).substring(2));
			while (i + 1 < readme.size() && readme.get(i + 1).startsWith("    ")) {
				i++;
				command.append('\n').append(readme.get(i).strip());
			}
			StringBuilder output = new StringBuilder();
			while (i + 1 < readme.size() && !readme.get(i + 1).startsWith("$ ")
					&& !readme.get(i + 1).startsWith("```")) {
				i++;
				output.append(readme.get(i)).append('\n');
			}
			if (i + 2 < readme.size() && readme.get(i + 1).equals("```") && readme.get(i + 2).equals("```json")) {
				int start = i + 3;
				int end = start;
				while (!readme.get(end).equals("```")) {
					end++;
				}
				output.append(String.join("\n", readme.subList(start, end)));
			}
			Example example = Example.of(line, command.toString().replace("\\\n", " ").replace("\n", " "),
					output.toString());
			if (example != null) {
				examples.add(example);
			}
		}
		return examples;
	}

	/** One example request of the README and the JSON it shows for it. */
	record Example(int line, String command, String method, String path, Map<String, String> headers, String body,
			String excerpt) {

		private static final String LOCAL = "http://127.0.0.1:8080";

		/** The example of a command and its output, or null if it shows no raw JSON. */
		static Example of(int line, String command, String output) {
			List<String> words = words(command);
			if (words.contains("|") || command.contains("...") || !command.contains(LOCAL)) {
				return null;
			}
			String json = output.lines()
				.dropWhile((text) -> !text.startsWith("{") && !text.startsWith("["))
				.reduce("", (a, b) -> a + b + "\n");
			if (json.isBlank()) {
				return null;
			}
			String method = "GET";
			String path = null;
			String body = null;
			Map<String, String> headers = new LinkedHashMap<>();
			Iterator<String> word = words.iterator();
			word.next();
			while (word.hasNext()) {
				String next = word.next();
				switch (next) {
					case "-X" -> method = word.next();
					case "-H" -> {
						String[] header = word.next().split(":\\s*", 2);
						headers.put(header[0], header[1]);
					}
					case "-d" -> {
						body = word.next();
						method = "GET".equals(method) ? "POST" : method;
					}
					default -> {
						if (next.startsWith(LOCAL)) {
							path = next.substring(LOCAL.length());
						}
					}
				}
			}
			return new Example(line, command, method, path, headers, body, json);
		}

		/** A 4xx answer shown: the request is refused input on purpose. */
		boolean answersAnError() {
			Matcher status = Pattern.compile("\"status\"\\s*:\\s*(\\d{3})").matcher(this.excerpt);
			return status.find() && Integer.parseInt(status.group(1)) >= 400;
		}

		/** The words of a shell command: quotes group and are dropped. */
		private static List<String> words(String command) {
			List<String> words = new ArrayList<>();
			StringBuilder word = new StringBuilder();
			char quote = 0;
			boolean inWord = false;
			for (char c : command.toCharArray()) {
				if (quote != 0) {
					if (c == quote) {
						quote = 0;
					}
					else {
						word.append(c);
					}
				}
				else if (c == '\'' || c == '"') {
					quote = c;
					inWord = true;
				}
				else if (Character.isWhitespace(c)) {
					if (inWord) {
						words.add(word.toString());
						word.setLength(0);
						inWord = false;
					}
				}
				else {
					word.append(c);
					inWord = true;
				}
			}
			if (inWord) {
				words.add(word.toString());
			}
			return words;
		}

	}

}
