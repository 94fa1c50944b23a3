package dev.stackplan.gateway.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.stackplan.contracts.event.OptionCost;
import dev.stackplan.contracts.event.PlanStatus;
import dev.stackplan.contracts.event.StackDecision;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.kit.Sha256;
import dev.stackplan.scoring.engine.ScoringEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan's answer is unchanged by the compact events. The golden files were written by
 * the engines before the events became compact: for 400 varied requests, the SHA-256 of
 * the exact bytes of the stack and the cost estimates the v1 events carried, and two of
 * them whole. Rendering the compact v2 halves must give the same bytes.
 *
 * <p>
 * When the knowledge or the engines change a plan on purpose, the golden files are
 * rewritten from the engines' full (v1) rendering of the same 400 requests with
 * {@code ./mvnw -pl services/gateway -am test -Dtest=CompactPlanRenderingTests
 * -Dsurefire.failIfNoSpecifiedTests=false -Dstackplan.golden.rewrite=true}, then the test
 * is run again without the flag to compare the compact rendering with them; the commit
 * says why the plans changed.
 */
class CompactPlanRenderingTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.load();

	private static final ScoringEngine SCORING = ScoringEngine.fromKnowledge(KNOWLEDGE);

	private static final CostEngine COSTING = CostEngine.fromKnowledge(KNOWLEDGE);

	/** What the throughput work promises per plan for both halves together. */
	private static final int COMPACT_HALVES_BUDGET_BYTES = 3 * 1024;

	/** Where the golden files live in the source tree, relative to the module. */
	private static final Path GOLDEN_SOURCES = Path.of("src/test/resources/golden");

	private final PlanAssembler assembler = new PlanAssembler(JSON, KNOWLEDGE, 16);

	/**
	 * Rewrites the golden files for the same requests from the full rendering; runs only
	 * when asked, and the files it writes are compared on the next run.
	 */
	@Test
	@EnabledIfSystemProperty(named = "stackplan.golden.rewrite", matches = "true")
	void rewriteTheGoldenFilesFromTheEnginesFullRendering() throws IOException {
		List<String> hashes = new ArrayList<>();
		for (JsonNode line : lines("golden/plans-v1-rendering.jsonl")) {
			PlanRequest request = JSON.treeToValue(line.get("request"), PlanRequest.class);
			ObjectNode rewritten = ((ObjectNode) line).deepCopy();
			rewritten.put("stackSha256", Sha256.hex(JSON.writeValueAsString(SCORING.assess(request))));
			rewritten.put("costsSha256",
					Sha256.hex(JSON.writeValueAsString(COSTING.estimate(request, SCORING.optionIds()))));
			hashes.add(JSON.writeValueAsString(rewritten));
		}
		List<String> examples = new ArrayList<>();
		for (String example : rawLines("golden/plans-v1-rendering-examples.jsonl")) {
			String requestJson = example.substring("{\"request\":".length(), example.indexOf(",\"stack\":"));
			PlanRequest request = JSON.readValue(requestJson, PlanRequest.class);
			examples.add("{\"request\":" + requestJson + ",\"stack\":"
					+ JSON.writeValueAsString(SCORING.assess(request)) + ",\"costs\":"
					+ JSON.writeValueAsString(COSTING.estimate(request, SCORING.optionIds())) + "}");
		}
		Files.write(GOLDEN_SOURCES.resolve("plans-v1-rendering.jsonl"), hashes, StandardCharsets.UTF_8);
		Files.write(GOLDEN_SOURCES.resolve("plans-v1-rendering-examples.jsonl"), examples, StandardCharsets.UTF_8);
	}

	@Test
	void everyGoldenPlanRendersFromCompactHalvesToTheSameBytesAsItsV1Halves() throws IOException {
		List<JsonNode> golden = lines("golden/plans-v1-rendering.jsonl");
		assertThat(golden).hasSize(400);
		for (JsonNode line : golden) {
			PlanRequest request = JSON.treeToValue(line.get("request"), PlanRequest.class);
			PlanView view = this.assembler.view(compactRow(request));

			assertThat(Sha256.hex(JSON.writeValueAsString(view.stack()))).as("stack of %s", line.get("request"))
				.isEqualTo(line.get("stackSha256").asString());
			assertThat(Sha256.hex(JSON.writeValueAsString(Objects.requireNonNull(view.staffing()).byOption())))
				.as("costs of %s", line.get("request"))
				.isEqualTo(line.get("costsSha256").asString());
		}
	}

	@Test
	void theWholeAnswerOfAV1PlanAndOfTheSamePlanStoredCompactIsTheSame() throws IOException {
		for (String example : rawLines("golden/plans-v1-rendering-examples.jsonl")) {
			PlanRequest request = JSON.treeToValue(JSON.readTree(example).get("request"), PlanRequest.class);
			PlanRow compact = compactRow(request);
			PlanRow v1 = v1Row(compact, example);

			String answer = JSON.writeValueAsString(this.assembler.view(compact));

			assertThat(answer).isEqualTo(JSON.writeValueAsString(this.assembler.view(v1)));
			assertThat(answer).contains("\"evidence\"", "\"weightReasons\"", "\"lineItems\"", "\"rationale\"");
		}
	}

	@Test
	void theSummaryEventIsTheSameFromEitherForm() throws IOException {
		String example = rawLines("golden/plans-v1-rendering-examples.jsonl").get(0);
		PlanRequest request = JSON.treeToValue(JSON.readTree(example).get("request"), PlanRequest.class);
		PlanRow compact = compactRow(request);
		PlanRow v1 = v1Row(compact, example);
		Instant now = Instant.parse("2026-12-01T00:00:01Z");

		assertThat(this.assembler.assembled(compact, now)).isEqualTo(this.assembler.assembled(v1, now));
	}

	@Test
	void bothCompactHalvesOfEveryGoldenPlanFitTheByteBudget() throws IOException {
		for (JsonNode line : lines("golden/plans-v1-rendering.jsonl")) {
			PlanRequest request = JSON.treeToValue(line.get("request"), PlanRequest.class);
			PlanRow row = compactRow(request);
			int bytes = Objects.requireNonNull(row.stack()).getBytes(StandardCharsets.UTF_8).length
					+ Objects.requireNonNull(row.costs()).getBytes(StandardCharsets.UTF_8).length;
			assertThat(bytes).as("compact halves of %s", line.get("request")).isLessThan(COMPACT_HALVES_BUDGET_BYTES);
		}
	}

	@Test
	void aCompactHalfOfAnotherKnowledgeVersionIsReportedMissingNotRenderedWithOtherWords() throws IOException {
		JsonNode line = lines("golden/plans-v1-rendering.jsonl").get(0);
		PlanRequest request = JSON.treeToValue(line.get("request"), PlanRequest.class);
		PlanRow row = compactRow(request);
		PlanRow older = new PlanRow(row.planId(), row.clientId(), row.status(), row.requestedAt(), row.request(),
				row.stack(), "2025.01.1+000000000000", row.costs(), "2025.01.1+000000000000", row.assembledAt(), true,
				null, null);

		PlanView view = this.assembler.view(older);

		assertThat(view.stack()).isNull();
		assertThat(view.staffing()).isNull();
		assertThat(view.missing()).extracting(PlanView.MissingHalf::half).containsExactly("stack", "staffing");
		assertThat(view.missing().get(0).reason()).contains("2025.01.1+000000000000", KNOWLEDGE.version());
	}

	@Test
	void aCompactCostThisKnowledgeDoesNotComeToIsReportedMissingWithTheReason() throws IOException {
		JsonNode line = lines("golden/plans-v1-rendering.jsonl").get(0);
		PlanRequest request = JSON.treeToValue(line.get("request"), PlanRequest.class);
		PlanRow row = compactRow(request);
		String tampered = Objects.requireNonNull(row.costs())
			.replaceFirst("\"onDemandUsd\":[0-9.]+", "\"onDemandUsd\":1");
		PlanRow other = new PlanRow(row.planId(), row.clientId(), row.status(), row.requestedAt(), row.request(),
				row.stack(), row.stackKnowledgeVersion(), tampered, row.costsKnowledgeVersion(), row.assembledAt(),
				true, null, null);

		PlanView view = this.assembler.view(other);

		assertThat(view.stack()).isNotNull();
		assertThat(view.staffing()).isNull();
		assertThat(view.missing()).singleElement().satisfies((missing) -> {
			assertThat(missing.half()).isEqualTo("staffing");
			assertThat(missing.reason()).contains("computed with other knowledge");
		});
	}

	private static PlanRow compactRow(PlanRequest request) {
		StackDecision stack = SCORING.decide(request);
		List<OptionCost> costs = COSTING.decide(request, SCORING.optionIds());
		Instant at = Instant.parse("2026-12-01T00:00:00Z");
		return new PlanRow(UUID.randomUUID(), "demo", PlanStatus.COMPLETE, at, JSON.writeValueAsString(request),
				JSON.writeValueAsString(stack), KNOWLEDGE.version(), JSON.writeValueAsString(costs),
				KNOWLEDGE.version(), at, true, null, null);
	}

	/**
	 * The same plan as the v1 events stored it: the stack and costs exactly as the golden
	 * line holds their bytes (a JSON tree would round 0.0920 to 0.092).
	 */
	private static PlanRow v1Row(PlanRow compact, String example) {
		int stack = example.indexOf(",\"stack\":") + ",\"stack\":".length();
		int costs = example.indexOf(",\"costs\":");
		return new PlanRow(compact.planId(), compact.clientId(), compact.status(), compact.requestedAt(),
				compact.request(), example.substring(stack, costs), KNOWLEDGE.version(),
				example.substring(costs + ",\"costs\":".length(), example.length() - 1), KNOWLEDGE.version(),
				compact.assembledAt(), true, null, null);
	}

	private static List<JsonNode> lines(String resource) throws IOException {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : rawLines(resource)) {
			lines.add(JSON.readTree(line));
		}
		return lines;
	}

	private static List<String> rawLines(String resource) throws IOException {
		List<String> lines = new ArrayList<>();
		try (InputStream in = CompactPlanRenderingTests.class.getClassLoader().getResourceAsStream(resource);
				BufferedReader reader = new BufferedReader(
						new InputStreamReader(Objects.requireNonNull(in, resource), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					lines.add(line);
				}
			}
		}
		return lines;
	}

}
