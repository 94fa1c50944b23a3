package dev.stackplan.intake.plan;

import java.nio.charset.StandardCharsets;

import dev.stackplan.intake.IntakeProperties;
import dev.stackplan.kit.PlanEventPublisher;
import dev.stackplan.kit.ProblemsAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Hostile plan requests are refused at the door with a 400 (or 415) problem that names
 * the field, before anything is published: no number turns into infinity or zero, no
 * string the store cannot keep gets in, no duplicate key or misspelt field is silently
 * read one way or dropped, no body in another encoding is guessed at. No answer names a
 * class, a library or intake's internal path.
 */
@WebFluxTest(controllers = PlanRequestController.class,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "dev\\.stackplan\\.intake\\.InternalCallSecurityConfiguration"))
@ImportAutoConfiguration(ProblemsAutoConfiguration.class)
@Import(IntakeWebTestBeans.class)
class PlanRequestStrictInputWebFluxTests {

	private static final String PRODUCT = "\"product\": {\"name\": \"Acme\", \"kind\": \"SAAS\", \"expectedRps\": 10}";

	private static final String TEAM = "\"team\": {\"engineers\": 2, \"seniorEngineers\": 1}";

	@Autowired
	WebTestClient client;

	@Autowired
	IntakeProperties properties;

	@MockitoBean
	PlanEventPublisher publisher;

	@MockitoBean
	IdempotencyKeys keys;

	@MockitoBean
	PipelineBackpressure backpressure;

	@AfterEach
	void nothingWasPublished() {
		verifyNoInteractions(this.publisher);
	}

	@ParameterizedTest(name = "budgetUsd {0} is refused")
	@CsvSource({ "1e309", "-1e309", "1e-400", "1E+99999", "123456789012345678901234567890" })
	void aBudgetOutOfRangeIsRefusedNamingIt(String budget) {
		String body = invalid(
				post("{" + PRODUCT + ", " + TEAM + ", \"timelineWeeks\": 12, \"budgetUsd\": " + budget + "}"),
				"/problems/invalid-plan-request");

		assertThat(body).contains("\"field\":\"budgetUsd\"");
	}

	@ParameterizedTest(name = "expectedRps {0} is refused")
	@CsvSource({ "99999999999999999999999999", "1e400", "1.0e2", "-0.5" })
	void aWholeNumberOutOfRangeIsRefusedNamingIt(String rps) {
		String body = invalid(post("{\"product\": {\"name\": \"Acme\", \"kind\": \"SAAS\", \"expectedRps\": " + rps
				+ "}, " + TEAM + ", \"timelineWeeks\": 12}"), "/problems/invalid-plan-request");

		assertThat(body).contains("\"field\":\"product.expectedRps\"");
	}

	@Test
	void aNulCharacterIsRefusedNamingTheField() {
		String body = invalid(
				post("{\"product\": {\"name\": \"Ac\\u0000me\", \"kind\": \"SAAS\", \"expectedRps\": 10}, " + TEAM
						+ ", \"timelineWeeks\": 12}"),
				"/problems/invalid-plan-request");

		assertThat(body).contains("\"field\":\"product.name\"").contains("NUL");
	}

	@Test
	void aLoneSurrogateIsRefusedNamingTheField() {
		String body = invalid(
				post("{\"product\": {\"name\": \"Acme\\ud800\", \"kind\": \"SAAS\", \"expectedRps\": 10}, " + TEAM
						+ ", \"timelineWeeks\": 12}"),
				"/problems/invalid-plan-request");

		assertThat(body).contains("\"field\":\"product.name\"").contains("surrogate");
	}

	@Test
	void aDuplicateKeyIsMalformedNamingTheKey() {
		String body = invalid(
				post("{" + PRODUCT + ", \"team\": {\"engineers\": 2, \"engineers\": 9000}, \"timelineWeeks\": 12}"),
				"/problems/malformed-json");

		assertThat(body).contains("\"field\":\"team.engineers\"").contains("Duplicate");
	}

	@Test
	void aUtf16BodyIsMalformed() {
		String json = "{" + PRODUCT + ", " + TEAM + ", \"timelineWeeks\": 12}";
		invalid(post(json.getBytes(StandardCharsets.UTF_16LE), MediaType.APPLICATION_JSON), "/problems/malformed-json");
		invalid(post(json.getBytes(StandardCharsets.UTF_16), MediaType.APPLICATION_JSON), "/problems/malformed-json");
	}

	@ParameterizedTest(name = "Content-Type {0} is unsupported")
	@CsvSource({ "text/plain", "application/json;charset=UTF-16", "application/x-www-form-urlencoded" })
	void aBodyThatIsNotUtf8JsonIsAnUnsupportedMediaType(String contentType) {
		String json = "{" + PRODUCT + ", " + TEAM + ", \"timelineWeeks\": 12}";
		String body = noLeaks(
				post(json.getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType(contentType)).expectStatus()
					.isEqualTo(415)
					.expectBody(String.class)
					.returnResult()
					.getResponseBody());

		assertThat(body).contains("/problems/unsupported-media-type").contains("application/json");
	}

	@ParameterizedTest(name = "{1} is refused: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			"team": {"engineers": 2, "senior": 1}            | team.senior             | did you mean 'seniorEngineers'?
			"team": {"engineers": 2}, "budget": 50000        | budget                  | did you mean 'budgetUsd'?
			"team": {"engineers": 2}, "currency": "EUR"      | currency                | the fields here are
			"team": {"engineers": 2}, "timeline": 4          | timeline                | did you mean 'timelineWeeks'?
			"team": {"engineers": 2, "Engineers": 3}         | team.Engineers          | did you mean 'engineers'?
			""")
	void anUnknownFieldIsRefusedNamingIt(String team, String field, String hint) {
		String body = invalid(post("{" + PRODUCT + ", " + team + ", \"timelineWeeks\": 12}"),
				"/problems/invalid-plan-request");

		assertThat(body).contains("\"field\":\"" + field + "\"").contains(hint);
	}

	@Test
	void anUnknownProductFieldIsRefusedNamingIt() {
		String body = invalid(
				post("{\"product\": {\"name\": \"Acme\", \"kind\": \"SAAS\", \"expectedRps\": 10, "
						+ "\"feature\": [\"AUTH\"]}, " + TEAM + ", \"timelineWeeks\": 12}"),
				"/problems/invalid-plan-request");

		assertThat(body).contains("\"field\":\"product.feature\"").contains("did you mean 'features'?");
	}

	@ParameterizedTest(name = "assumptions {0} are refused naming {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"fullTime": {"loadedMultiplier": {"high": 14}}}  | assumptions.fullTime.loadedMultiplier.high | maximum value of 10
					{"fullTime": {"salaris": {}}}                     | assumptions.fullTime.salaris               | did you mean 'salaries'?
					""")
	void assumptionsOutOfBoundsOrMisspeltAreRefusedNamingTheField(String assumptions, String field, String hint) {
		String body = invalid(
				post("{" + PRODUCT + ", " + TEAM + ", \"timelineWeeks\": 12, \"assumptions\": " + assumptions + "}"),
				"/problems/invalid-plan-request");

		assertThat(body).contains("\"field\":\"" + field + "\"").contains(hint);
	}

	private WebTestClient.ResponseSpec post(String json) {
		return post(json.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
	}

	private WebTestClient.ResponseSpec post(byte[] body, MediaType contentType) {
		return this.client.post()
			.uri("/internal/v1/plan-requests")
			.header("X-Stackplan-Internal-Token", this.properties.internalToken())
			.header("X-Stackplan-Client", "demo")
			.contentType(contentType)
			.bodyValue(body)
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
		assertThat(body).contains("\"type\":\"" + type + "\"");
		return noLeaks(body);
	}

	/**
	 * The problem's {@code instance} is intake's own path, which the gateway replaces
	 * with the public one; nothing else may name it.
	 */
	private static String noLeaks(String body) {
		assertThat(body.replace("\"instance\":\"/internal/v1/plan-requests\"", ""))
			.doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w+")
			.doesNotContain("Exception")
			.doesNotContain("jackson")
			.doesNotContain("springframework")
			.doesNotContain("/internal/");
		return body;
	}

}
