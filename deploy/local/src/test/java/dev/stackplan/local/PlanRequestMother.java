package dev.stackplan.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plan request bodies as clients send them. */
final class PlanRequestMother {

	private static final List<String> KINDS = List.of("SAAS", "MARKETPLACE", "CMS", "INTERNAL_TOOL", "PUBLIC_API",
			"MICROSERVICE", "ML_INFERENCE");

	private static final List<List<String>> FEATURE_SETS = List.of(List.of(), List.of("AUTH", "BILLING", "ADMIN_PANEL"),
			List.of("ASYNC_FANOUT"), List.of("ML_INFERENCE", "STREAMING"), List.of("CMS", "ADMIN_PANEL"),
			List.of("AUTH", "BILLING", "ADMIN_PANEL", "CMS", "ML_INFERENCE", "STREAMING", "ASYNC_FANOUT"));

	private static final List<Integer> RPS = List.of(10, 80, 500, 2_000, 40_000);

	private static final List<String> EXISTING = List.of("NONE", "NONE", "DJANGO", "FASTAPI");

	private PlanRequestMother() {
	}

	/** The README's example: a seed-stage SaaS. */
	static Map<String, Object> seedStageSaas() {
		return request("Acme", "SAAS", List.of("AUTH", "BILLING", "ADMIN_PANEL"), 10, "NONE", 1, 0, 12, 60_000);
	}

	/** Plans that differ in every dimension the engines read. */
	static List<Map<String, Object>> varied(int count) {
		List<Map<String, Object>> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int engineers = i % 5;
			requests.add(request("Product " + i, KINDS.get(i % KINDS.size()), FEATURE_SETS.get(i % FEATURE_SETS.size()),
					RPS.get(i % RPS.size()), EXISTING.get(i % EXISTING.size()), engineers, Math.min(engineers, i % 3),
					4 + (i % 9) * 4, (i % 4 == 0) ? null : 20_000 + i * 5_000));
		}
		return requests;
	}

	static Map<String, Object> request(String name, String kind, List<String> features, int rps, String existing,
			int engineers, int seniors, int weeks, Integer budget) {
		Map<String, Object> product = new LinkedHashMap<>();
		product.put("name", name);
		product.put("kind", kind);
		product.put("features", features);
		product.put("expectedRps", rps);
		product.put("existingFramework", existing);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("product", product);
		body.put("team", Map.of("engineers", engineers, "seniorEngineers", seniors));
		body.put("timelineWeeks", weeks);
		if (budget != null) {
			body.put("budgetUsd", budget);
		}
		return body;
	}

}
