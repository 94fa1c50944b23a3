package dev.stackplan.gateway.scenario;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.gateway.GatewayWebTestBeans;
import dev.stackplan.kit.ProblemsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * A scenario is checked whole before it is stored, counted or run: its times within the
 * range the log and the store hold, its fields known (with "did you mean"), its strings
 * storable, and its overrides against the knowledge base's paths, types and bounds. Each
 * refusal is a 400 naming the field; the runner, the log and the store are never touched.
 * The real security chain and controller; only the store, runner and log are stubbed.
 */
@WebFluxTest(controllers = ScenarioController.class,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "dev\\.stackplan\\.gateway\\.client\\.ApiSecurityConfiguration"))
@ImportAutoConfiguration(ProblemsAutoConfiguration.class)
@Import({ GatewayWebTestBeans.class, ScenarioStrictInputWebFluxTests.Beans.class })
class ScenarioStrictInputWebFluxTests {

	private static final String ANALYST_KEY = "analyst-key";

	private static final String RANGE = "\"source\": {\"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2026-02-01T00:00:00Z\"}";

	@Autowired
	WebTestClient client;

	@MockitoBean
	ScenarioRepository scenarios;

	@MockitoBean
	ScenarioRunner runner;

	@MockitoBean
	PlanLog log;

	@ParameterizedTest(name = "source.{0} = {1} is refused")
	@CsvSource({ "from, 1969-12-31T23:59:59Z", "from, -000001-01-01T00:00:00Z", "to, +999999999-01-01T00:00:00Z",
			"to, +10000-01-01T00:00:00Z" })
	void aTimeOutsideTheLogIsRefusedNamingIt(String end, String instant) {
		String source = end.equals("from") ? "{\"from\": \"" + instant + "\", \"to\": \"2026-01-01T00:00:00Z\"}"
				: "{\"from\": \"2026-01-01T00:00:00Z\", \"to\": \"" + instant + "\"}";
		for (String dryRun : new String[] { "true", "false" }) {
			String body = invalid(post("{\"name\": \"range\", \"source\": " + source + ", \"dryRun\": " + dryRun + "}"),
					"/problems/invalid-scenario");

			assertThat(body).contains("\"field\":\"source." + end + "\"").contains("1970-01-01T00:00:00Z");
		}
		verifyNoInteractions(this.log, this.runner, this.scenarios);
	}

	@ParameterizedTest(name = "{1} is refused: {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"name": "n", %s, "dryrun": true}                                         | dryrun         | did you mean 'dryRun'?
					{"name": "n", "source": {"form": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}} | source.form | did you mean 'from'?
					{"name": "n", %s, "override": {}}                                         | override       | did you mean 'overrides'?
					{"name": "n", "source": {"planIds": ["1-1-1-1-1"]}}                      | source.planIds[0] | is not a plan id
					{"name": "n", "source": {"planIds": ["%s"], "from": "2026-01-01T00:00:00Z"}} | source     | not both
					{"name": "n", "source": {"from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z", "productKinds": "SAAS"}} | source.productKinds | must be an array
					{"name": "n", "source": {"from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z", "productKinds": [7]}} | source.productKinds[0] | must be one of
					{"name": "n\\u0000", %s}                                                  | name           | NUL
					{"name": "n\\udc00", %s}                                                  | name           | surrogate
					""")
	void aFieldBreakingTheContractIsRefusedNamingIt(String template, String field, String hint) {
		String json = template.replace("%s",
				template.contains("planIds") ? "00000000-0000-0000-0000-000000000001" : RANGE);

		String body = invalid(post(json), "/problems/invalid-scenario");

		assertThat(body).contains("\"field\":\"" + field + "\"").contains(hint);
		verifyNoInteractions(this.log, this.runner, this.scenarios);
	}

	@ParameterizedTest(name = "weeklyUsd {0} is refused")
	@ValueSource(strings = { "0", "-1", "\"x\"", "null", "1e309", "true", "{}" })
	void anOverrideValueOutsideTheKnowledgeBoundsIsRefusedNamingItsPath(String value) {
		String body = invalid(
				post("{\"name\": \"rates\", " + RANGE + ", \"dryRun\": true, \"overrides\": {\"cost\": {\"onDemand\": "
						+ "{\"tiers\": {\"MID\": {\"weeklyUsd\": " + value + "}}}}}}"),
				"/problems/invalid-scenario");

		assertThat(body).contains("\"field\":\"overrides/cost/onDemand/tiers/MID/weeklyUsd\"");
		verifyNoInteractions(this.log, this.runner, this.scenarios);
	}

	@ParameterizedTest(name = "{0} = {1} is refused")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"frameworks": {"factors": {"THROUGHPUT": {"scores": {"DJANGO": 101}}}}}   | overrides/frameworks/factors/THROUGHPUT/scores/DJANGO
					{"frameworks": {"factors": {"THROUGHPUT": {"weight": -1}}}}                | overrides/frameworks/factors/THROUGHPUT/weight
					{"cost": {"fullTime": {"loadedMultiplier": {"low": 0.5}}}}                  | overrides/cost/fullTime/loadedMultiplier/low
					{"cost": {"calendar": {"workingDaysPerWeek": {"value": 2.5}}}}              | overrides/cost/calendar/workingDaysPerWeek/value
					{"cost": {"fullTime": {"loadedMultiplier": {"low": 2, "high": 1.5}}}}       | overrides/cost/fullTime/loadedMultiplier
					{"cost": {"onDemand": {"tiers": {"MID": {"weeklyUSD": 1200}}}}}             | overrides/cost/onDemand/tiers/MID/weeklyUSD
					{"frameworks": {"factors": {"THROUGHPUT": null}}}                           | overrides/frameworks
					""")
	void anOverrideTheEnginesCouldNotRunIsRefusedNamingItsPath(String overrides, String field) {
		String body = invalid(post("{\"name\": \"what if\", " + RANGE + ", \"overrides\": " + overrides + "}"),
				"/problems/invalid-scenario");

		assertThat(body).contains("\"field\":\"" + field);
		verifyNoInteractions(this.log, this.runner, this.scenarios);
	}

	@Test
	void aNulInAnOverrideIsNamedByItsKnowledgePath() {
		String body = invalid(post("{\"name\": \"what if\", " + RANGE
				+ ", \"overrides\": {\"cost\": {\"onDemand\": {\"provider\": {\"name\": \"Ca\\u0000dence\"}}}}}"),
				"/problems/invalid-scenario");

		assertThat(body).contains("\"field\":\"overrides/cost/onDemand/provider/name\"").contains("NUL");
	}

	@Test
	void aMisspeltOverridePathSuggestsTheOneItMeant() {
		String body = invalid(post("{\"name\": \"what if\", " + RANGE
				+ ", \"overrides\": {\"cost\": {\"onDemand\": {\"tiers\": {\"MID\": {\"weeklyUSD\": 1200}}}}}}"),
				"/problems/invalid-scenario");

		assertThat(body).contains("did you mean 'weeklyUsd'?");
	}

	@Test
	void overridesWithinTheBoundsAreAccepted() {
		given(this.log.count(any())).willReturn(new PlanLog.Scan(0, null, null, Map.of()));

		this.client.post()
			.uri("/api/v1/scenarios")
			.header("X-Api-Key", ANALYST_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"senior +20%\", " + RANGE + ", \"dryRun\": true, \"overrides\": {\"cost\": "
					+ "{\"onDemand\": {\"tiers\": {\"SENIOR\": {\"weeklyUsd\": 1800}}}}, \"frameworks\": {\"factors\": "
					+ "{\"THROUGHPUT\": {\"weight\": 0, \"scores\": {\"DJANGO\": 0}}}}}}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.dryRun")
			.isEqualTo(true);
	}

	@Test
	void aDuplicateKeyIsMalformedNamingIt() {
		String body = invalid(post("{\"name\": \"a\", \"name\": \"b\", " + RANGE + "}"), "/problems/malformed-json");

		assertThat(body).contains("\"field\":\"name\"");
	}

	@Test
	void aUtf16BodyIsMalformed() {
		invalid(this.client.post()
			.uri("/api/v1/scenarios")
			.header("X-Api-Key", ANALYST_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(("{\"name\": \"n\", " + RANGE + "}").getBytes(StandardCharsets.UTF_16))
			.exchange(), "/problems/malformed-json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-62135596801.0.00000000-0000-0000-0000-000000000001",
			"99999999999999.0.00000000-0000-0000-0000-000000000001",
			"1700000000.1000000000.00000000-0000-0000-0000-000000000001", "1700000000.0.1-1-1-1-1" })
	void aCraftedCursorIsRefusedNamingIt(String raw) {
		String cursor = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(raw.getBytes(StandardCharsets.UTF_8));

		String body = invalid(this.client.get()
			.uri("/api/v1/scenarios?cursor={cursor}", cursor)
			.header("X-Api-Key", ANALYST_KEY)
			.exchange(), "/problems/invalid-parameter");

		assertThat(body).contains("\"field\":\"cursor\"");
		verifyNoInteractions(this.scenarios);
	}

	private WebTestClient.ResponseSpec post(String json) {
		return this.client.post()
			.uri("/api/v1/scenarios")
			.header("X-Api-Key", ANALYST_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private static String invalid(WebTestClient.ResponseSpec response, String type) {
		String body = response.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"type\":\"" + type + "\"")
			.doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w+")
			.doesNotContain("Exception")
			.doesNotContain("jackson")
			.doesNotContain("networknt")
			.doesNotContain("/internal/");
		return body;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		KnowledgeBase knowledgeBase() {
			return KnowledgeBase.load();
		}

	}

}
