package dev.stackplan.costing.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.stackplan.contracts.event.LineItem;
import dev.stackplan.contracts.event.RangeLineItem;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The shipped cost document, what-if variants of it, and plan requests to cost. */
final class CostFixtures {

	static final String COST_DOCUMENT = "knowledge/cost/engineer-cost.json";

	static final String ARTICLE = "knowledge/sources/django-vs-fastapi-2026.txt";

	static final List<String> OPTIONS = List.of("DJANGO", "FASTAPI", "HYBRID");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ObjectNode SHIPPED = (ObjectNode) read(COST_DOCUMENT);

	private CostFixtures() {
	}

	static ObjectNode document() {
		return SHIPPED.deepCopy();
	}

	static CostEngine engine() {
		return CostEngine.fromDocument(document());
	}

	/** The shipped document with an RFC 7386 merge patch applied, as a what-if would. */
	static ObjectNode patched(String mergePatch) {
		ObjectNode document = document();
		merge(document, JSON.readTree(mergePatch));
		return document;
	}

	static CostEngine engine(String mergePatch) {
		return CostEngine.fromDocument(patched(mergePatch));
	}

	static PlanRequest request(List<Feature> features, ExistingFramework existing, Team team, int timelineWeeks,
			@Nullable BigDecimal budgetUsd) {
		return new PlanRequest(new ProductProfile("Acme", ProductKind.SAAS, features, 50, existing), team,
				timelineWeeks, budgetUsd);
	}

	static StaffingEstimate estimate(CostEngine engine, PlanRequest request, String option) {
		return engine.estimate(request, List.of(option)).get(0);
	}

	static LineItem line(StaffingEstimate estimate, String item) {
		return estimate.onDemand()
			.lineItems()
			.stream()
			.filter((line) -> line.item().equals(item))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no on-demand line " + item + " in " + estimate.onDemand()));
	}

	static RangeLineItem rangeLine(StaffingEstimate estimate, String item) {
		return estimate.fullTime()
			.lineItems()
			.stream()
			.filter((line) -> line.item().equals(item))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no full-time line " + item + " in " + estimate.fullTime()));
	}

	static BigDecimal usd(String amount) {
		return new BigDecimal(amount);
	}

	static JsonNode read(String resource) {
		try (InputStream in = CostFixtures.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Not on the classpath: " + resource);
			}
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void merge(ObjectNode target, JsonNode patch) {
		for (Map.Entry<String, JsonNode> property : patch.properties()) {
			JsonNode existing = target.get(property.getKey());
			if (property.getValue().isNull()) {
				target.remove(property.getKey());
			}
			else if (property.getValue().isObject() && existing != null && existing.isObject()) {
				merge((ObjectNode) existing, property.getValue());
			}
			else {
				target.set(property.getKey(), property.getValue().deepCopy());
			}
		}
	}

}
