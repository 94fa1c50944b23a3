package dev.stackplan.gateway.docs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.stackplan.kit.Dependency;
import dev.stackplan.kit.ProblemKind;
import dev.stackplan.kit.ProblemTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every problem kind answers with the type, status and title the API documents, and its
 * type opens a page ({@code docs/problems.yml}) with the same title; the catalog has no
 * page that no problem is answered with.
 */
class ProblemCatalogTests {

	private static final Map<String, HomeController.ProblemPage> PAGES = HomeController.load();

	/** Each kind as the API documents it: its type's name, its status, its title. */
	private static final List<Arguments> DOCUMENTED = List.of(arguments("analysts-only", 403, "Forbidden"),
			arguments("bad-request", 400, "Bad request"), arguments("body-too-large", 413, "Body too large"),
			arguments("broker-unavailable", 503, "Plan not accepted"),
			arguments("headers-too-large", 431, "Headers too large"),
			arguments("idempotency-key-in-flight", 409, "Request in flight"),
			arguments("idempotency-key-reused", 422, "Idempotency-Key reused"),
			arguments("intake-unavailable", 503, "Plan not accepted"),
			arguments("invalid-parameter", 400, "Invalid parameter"),
			arguments("invalid-plan-request", 400, "Invalid plan request"),
			arguments("invalid-scenario", 400, "Invalid scenario"), arguments("malformed-json", 400, "Malformed JSON"),
			arguments("plan-not-found", 404, "Plan not found"), arguments("planner-busy", 503, "Planner busy"),
			arguments("rate-limit-unavailable", 503, "Rate limit unavailable"),
			arguments("rate-limited", 429, "Too many requests"), arguments("report-not-ready", 409, "Report not ready"),
			arguments("request-rejected", 400, "Request rejected"),
			arguments("scenario-finished", 409, "Scenario already finished"),
			arguments("scenario-not-found", 404, "Scenario not found"), arguments("unauthorized", 401, "Unauthorized"));

	static Stream<Arguments> documented() {
		return DOCUMENTED.stream();
	}

	@ParameterizedTest(name = "{0}: {1} {2}")
	@MethodSource("documented")
	void everyKindAnswersAsDocumentedAndHasItsPage(String name, int status, String title) {
		ProblemKind kind = Arrays.stream(ProblemKind.values())
			.filter((candidate) -> candidate.type().equals(ProblemTypes.of(name)))
			.findFirst()
			.orElseThrow();

		assertThat(kind.status().value()).isEqualTo(status);
		assertThat(kind.title()).isEqualTo(title);
		assertThat(PAGES).containsKey(name);
		assertThat(PAGES.get(name).title()).isEqualTo(title);
	}

	@Test
	void everyKindIsDocumented() {
		assertThat(Arrays.stream(ProblemKind.values()).map((kind) -> kind.type().toString()))
			.containsExactlyInAnyOrderElementsOf(
					DOCUMENTED.stream().map((row) -> ProblemTypes.PREFIX + row.get()[0]).toList());
	}

	@Test
	void everyPageIsOfAKindOrOfADependencyAway() {
		Set<String> answered = Stream
			.concat(Arrays.stream(ProblemKind.values())
				.map((kind) -> kind.type().toString().substring(ProblemTypes.PREFIX.length())),
					Arrays.stream(Dependency.values()).map((dependency) -> dependency.healthName() + "-unavailable"))
			.collect(Collectors.toSet());

		assertThat(answered).containsAll(PAGES.keySet());
		assertThat(PAGES.keySet()).containsAll(answered);
	}

}
