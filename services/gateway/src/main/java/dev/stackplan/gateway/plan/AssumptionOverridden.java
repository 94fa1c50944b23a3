package dev.stackplan.gateway.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.PlanRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A documented assumption a request overrode, as its plan lists it.
 *
 * @param key the figure, as the request names it under {@code assumptions}, e.g.
 * {@code fullTime.salaries.SENIOR.lowUsd}
 * @param documentedValue the knowledge base's figure
 * @param usedValue the request's figure, the one the plan was computed with
 * @param documentedSource where the documented figure comes from ({@code article:LINE},
 * {@code assumption:ID} or {@code reference:ID})
 */
record AssumptionOverridden(String key, BigDecimal documentedValue, BigDecimal usedValue,
		@Nullable String documentedSource) {

	/** Every figure of the request's assumptions, in the order it gave them. */
	static List<AssumptionOverridden> of(KnowledgeBase knowledge, @Nullable PlanRequest request) {
		List<AssumptionOverridden> overridden = new ArrayList<>();
		if (request != null && request.assumptions() != null) {
			collect(knowledge.document(PlanRequest.ASSUMPTIONS_DOCUMENT), request.assumptions(), "", null, overridden);
		}
		return overridden;
	}

	private static void collect(JsonNode documented, JsonNode patch, String key, @Nullable String source,
			List<AssumptionOverridden> overridden) {
		// a figure's source is the nearest one declared around it
		String nearestSource = documented.path("source").isString() ? documented.path("source").asString() : source;
		for (Map.Entry<String, JsonNode> property : patch.properties()) {
			JsonNode existing = documented.path(property.getKey());
			String path = key.isEmpty() ? property.getKey() : key + "." + property.getKey();
			if (existing.isObject()) {
				collect(existing, property.getValue(), path, nearestSource, overridden);
			}
			else if (existing.isNumber() && property.getValue().isNumber()) {
				overridden.add(new AssumptionOverridden(path, existing.decimalValue(),
						property.getValue().decimalValue(), nearestSource));
			}
		}
	}

}
