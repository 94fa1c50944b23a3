package dev.stackplan.gateway.scenario;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.gateway.InputLimits;
import dev.stackplan.kit.FieldViolation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ScenarioRequest#parse} on its own: a valid request becomes its name, source and
 * overrides; every fault is one error naming its field, all of them at once, and the
 * bounds are the configured {@link InputLimits}, not numbers of its own.
 */
class ScenarioRequestTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final KnowledgeOverrides KNOWLEDGE = new KnowledgeOverrides(KnowledgeBase.load());

	private static final InputLimits LIMITS = new InputLimits(Instant.parse("2026-01-01T00:00:00Z"),
			Instant.parse("2026-12-31T23:59:59Z"), 3);

	private static final String PLAN = "3f2b8c1e-0d4a-4e6b-9a7c-5d1e2f3a4b5c";

	@Test
	void aRangeRequestParsesToItsNameSourceAndEmptyOverrides() {
		ScenarioRequest request = parse("""
				{"name": "  autumn  ", "source": {"from": "2026-09-01T00:00:00Z", "to": "2026-10-01T00:00:00Z",
				 "productKinds": ["SAAS"]}}""");

		assertThat(request.name()).isEqualTo("autumn");
		assertThat(request.source()).isEqualTo(new ScenarioSource(Instant.parse("2026-09-01T00:00:00Z"),
				Instant.parse("2026-10-01T00:00:00Z"), null, List.of("SAAS")));
		assertThat(request.overrides().isObject()).isTrue();
		assertThat(request.overrides().isEmpty()).isTrue();
		assertThat(request.dryRun()).isFalse();
	}

	@Test
	void aPlanIdsRequestParsesToThosePlans() {
		ScenarioRequest request = parse(
				"{\"name\": \"n\", \"dryRun\": true, \"source\": {\"planIds\": [\"" + PLAN + "\"]}}");

		assertThat(request.source().planIds()).containsExactly(UUID.fromString(PLAN));
		assertThat(request.dryRun()).isTrue();
	}

	@Test
	void morePlanIdsThanTheLimitIsOneErrorNamingTheLimit() {
		String ids = String.join(",", Collections.nCopies(4, "\"" + PLAN + "\""));

		assertThat(errors("{\"name\": \"n\", \"source\": {\"planIds\": [" + ids + "]}}"))
			.containsExactly(error("source.planIds", "must be an array of 1 to 3 plan ids"));
	}

	@Test
	void aPlanIdNotInCanonicalFormIsNamedByItsIndex() {
		assertThat(errors("{\"name\": \"n\", \"source\": {\"planIds\": [\"" + PLAN + "\", \"1-1-1-1-1\", 7]}}"))
			.containsExactly(error("source.planIds[1]", "is not a plan id"),
					error("source.planIds[2]", "is not a plan id"));
	}

	@Test
	void timesOutsideTheLimitsAndAnEmptyRangeAreNamed() {
		String range = "from 2026-01-01T00:00:00Z to 2026-12-31T23:59:59Z";

		assertThat(errors("""
				{"name": "n", "source": {"from": "2025-12-31T23:59:59Z", "to": "2027-01-01T00:00:00Z"}}"""))
			.containsExactly(error("source.from", "must be an instant " + range),
					error("source.to", "must be an instant " + range));
		assertThat(errors("""
				{"name": "n", "source": {"from": "2026-05-01T00:00:00Z", "to": "2026-05-01T00:00:00Z"}}"""))
			.containsExactly(error("source.to", "must be after source.from"));
	}

	@Test
	void everyFaultIsReportedAtOnce() {
		assertThat(
				errors("""
						{"name": "", "source": {"planIds": ["%s"], "from": "2026-05-01T00:00:00Z"}, "dryRun": "yes", "extra": 1}"""
					.formatted(PLAN)))
			.extracting(FieldViolation::field)
			.containsExactlyInAnyOrder("extra", "name", "source", "dryRun");
	}

	@Test
	void aBodyThatIsNotAnObjectIsNamedAsTheWhole() {
		assertThat(errors("[]")).containsExactly(error("$", "must be a JSON object"));
	}

	private static ScenarioRequest parse(String body) {
		return ScenarioRequest.parse(JSON.readTree(body), KNOWLEDGE, LIMITS);
	}

	private static List<FieldViolation> errors(String body) {
		JsonNode tree = JSON.readTree(body);
		return assertThatExceptionOfType(InvalidScenarioException.class)
			.isThrownBy(() -> ScenarioRequest.parse(tree, KNOWLEDGE, LIMITS))
			.actual()
			.errors();
	}

	private static FieldViolation error(String field, String message) {
		return new FieldViolation(field, message);
	}

}
