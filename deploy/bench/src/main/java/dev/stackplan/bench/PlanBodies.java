package dev.stackplan.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Valid plan request bodies that differ in every dimension the engines read (kind,
 * features, load, existing framework, team, timeline, budget), as
 * {@code PlanRequestMother.varied} in the end-to-end tests; serialised once, cycled
 * through by request index so that the generator spends no time on JSON.
 */
final class PlanBodies {

	private static final List<String> KINDS = List.of("SAAS", "MARKETPLACE", "CMS", "INTERNAL_TOOL", "PUBLIC_API",
			"MICROSERVICE", "ML_INFERENCE");

	private static final List<List<String>> FEATURE_SETS = List.of(List.of(), List.of("AUTH", "BILLING", "ADMIN_PANEL"),
			List.of("ASYNC_FANOUT"), List.of("ML_INFERENCE", "STREAMING"), List.of("CMS", "ADMIN_PANEL"),
			List.of("AUTH", "BILLING", "ADMIN_PANEL", "CMS", "ML_INFERENCE", "STREAMING", "ASYNC_FANOUT"));

	private static final List<Integer> RPS = List.of(10, 80, 500, 2_000, 40_000);

	private static final List<String> EXISTING = List.of("NONE", "NONE", "DJANGO", "FASTAPI");

	private final List<byte[]> bodies;

	private PlanBodies(List<byte[]> bodies) {
		this.bodies = bodies;
	}

	static PlanBodies varied(int count) {
		JsonMapper json = JsonMapper.builder().build();
		List<byte[]> bodies = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int engineers = i % 5;
			Map<String, Object> product = new LinkedHashMap<>();
			product.put("name", "Bench product " + i);
			product.put("kind", KINDS.get(i % KINDS.size()));
			product.put("features", FEATURE_SETS.get(i % FEATURE_SETS.size()));
			product.put("expectedRps", RPS.get(i % RPS.size()));
			product.put("existingFramework", EXISTING.get(i % EXISTING.size()));
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("product", product);
			body.put("team", Map.of("engineers", engineers, "seniorEngineers", Math.min(engineers, i % 3)));
			body.put("timelineWeeks", 4 + (i % 9) * 4);
			if (i % 4 != 0) {
				body.put("budgetUsd", 20_000 + i * 5_000);
			}
			bodies.add(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
		}
		return new PlanBodies(List.copyOf(bodies));
	}

	byte[] get(int index) {
		return this.bodies.get(index % this.bodies.size());
	}

	/** The first body, for the report. */
	String example() {
		return new String(this.bodies.get(1 % this.bodies.size()), StandardCharsets.UTF_8);
	}

}
