package dev.stackplan.kit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StrictJsonTests {

	private static final MediaType JSON = MediaType.APPLICATION_JSON;

	@Test
	void aNumberBeyondDoubleIsReadExactlyInsteadOfAsInfinity() {
		JsonNode tree = read("{\"budgetUsd\": 1e309}");

		assertThat(tree.get("budgetUsd").decimalValue()).isEqualByComparingTo(new BigDecimal("1e309"));
	}

	@Test
	void aNumberBelowDoubleIsReadExactlyInsteadOfAsZero() {
		JsonNode tree = read("{\"budgetUsd\": 1e-400}");

		assertThat(tree.get("budgetUsd").decimalValue().signum()).isOne();
	}

	@Test
	void aDuplicateKeyIsMalformedNamingTheKey() {
		assertThatExceptionOfType(StrictJson.MalformedJsonException.class)
			.isThrownBy(() -> read("{\"team\": {\"engineers\": 1, \"engineers\": 900}}"))
			.satisfies((ex) -> {
				assertThat(ex.violation().field()).isEqualTo("team.engineers");
				assertThat(ex.violation().message()).contains("engineers").contains("line 1");
			});
	}

	@Test
	void trailingContentIsMalformed() {
		assertThatExceptionOfType(StrictJson.MalformedJsonException.class).isThrownBy(() -> read("{} {}"));
	}

	@Test
	void utf16TextIsRefusedAsNotUtf8() {
		for (byte[] body : List.of("{\"a\": 1}".getBytes(StandardCharsets.UTF_16LE),
				"{\"a\": 1}".getBytes(StandardCharsets.UTF_16BE), "{\"a\": 1}".getBytes(StandardCharsets.UTF_16))) {
			assertThatExceptionOfType(StrictJson.MalformedJsonException.class)
				.isThrownBy(() -> StrictJson.read(body, JSON))
				.satisfies((ex) -> assertThat(ex.violation().field()).isEqualTo("$"));
		}
	}

	@Test
	void bytesThatAreNotUtf8AreRefused() {
		byte[] latin1 = "{\"name\": \"Café\"}".getBytes(StandardCharsets.ISO_8859_1);

		assertThatExceptionOfType(StrictJson.MalformedJsonException.class)
			.isThrownBy(() -> StrictJson.read(latin1, JSON))
			.satisfies((ex) -> assertThat(ex.violation().message()).contains("UTF-8"));
	}

	@Test
	void aByteOrderMarkIsRefused() {
		assertThatExceptionOfType(StrictJson.MalformedJsonException.class)
			.isThrownBy(() -> StrictJson.read("\uFEFF{}".getBytes(StandardCharsets.UTF_8), JSON));
	}

	@ParameterizedTest
	@CsvSource({ "text/plain", "application/xml", "application/json;charset=UTF-16", "application/json;charset=latin1",
			"application/*" })
	void aTypeOtherThanUtf8JsonIsUnsupported(String contentType) {
		assertThatExceptionOfType(UnsupportedMediaTypeStatusException.class).isThrownBy(
				() -> StrictJson.read("{}".getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType(contentType)));
	}

	@Test
	void utf8JsonWithItsCharsetNamedIsRead() {
		assertThat(StrictJson.read("{}".getBytes(StandardCharsets.UTF_8),
				MediaType.parseMediaType("application/json;charset=utf-8")))
			.isNotNull();
	}

	@Test
	void deepNestingIsRefusedWithoutNamingTheParser() {
		String deep = "[".repeat(5_000) + "]".repeat(5_000);

		assertThatExceptionOfType(StrictJson.MalformedJsonException.class).isThrownBy(() -> read(deep))
			.satisfies((ex) -> assertThat(ex.violation().message()).doesNotContain("StreamReadConstraints")
				.doesNotContain("jackson"));
	}

	@Test
	void nulInAValueOrANameIsNamedByPath() {
		JsonNode tree = read(
				"{\"product\": {\"name\": \"Ac\\u0000me\", \"features\": [\"A\", \"\\u0000\"]}," + " \"x\\u0000\": 1}");

		assertThat(StrictJson.unstorableText(tree)).extracting(StrictJson.Violation::field)
			.containsExactly("product.name", "product.features[1]", "x\0");
	}

	@Test
	void aLoneSurrogateIsNamedButAPairIsFine() {
		JsonNode tree = read("{\"lone\": \"a\\ud800b\", \"trailing\": \"\\udc00\", \"pair\": \"\\ud83d\\ude00\"}");

		assertThat(StrictJson.unstorableText(tree)).extracting(StrictJson.Violation::field)
			.containsExactly("lone", "trailing");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "senior, seniorEngineers", "budget, budgetUsd", "expected_rps, expectedRps", "engineer, engineers",
			"timeline, timelineWeeks", "Kind, kind", "form, from", "salary, salaries", "tierRate, tierRates" })
	void aNearMissSuggestsTheFieldItMeant(String misspelt, String meant) {
		assertThat(StrictJson.nearest(misspelt, List.of("engineers", "seniorEngineers", "budgetUsd", "expectedRps",
				"timelineWeeks", "kind", "name", "from", "to", "salaries", "tierRates")))
			.contains(meant);
	}

	@Test
	void aFarMissSuggestsNothing() {
		assertThat(StrictJson.nearest("currency", List.of("budgetUsd", "timelineWeeks", "product", "team"))).isEmpty();
	}

	@Test
	void unknownFieldsAreNamedWithTheirPathAndASuggestion() {
		JsonNode team = read("{\"engineers\": 1, \"senior\": 1, \"currency\": \"EUR\"}");

		List<StrictJson.Violation> violations = StrictJson.unknownFields(team, "team",
				List.of("engineers", "seniorEngineers"));

		assertThat(violations).extracting(StrictJson.Violation::field).containsExactly("team.senior", "team.currency");
		assertThat(violations.get(0).message()).contains("did you mean 'seniorEngineers'?");
		assertThat(violations.get(1).message()).contains("engineers, seniorEngineers");
	}

	private static JsonNode read(String json) {
		return StrictJson.read(json.getBytes(StandardCharsets.UTF_8), JSON);
	}

}
