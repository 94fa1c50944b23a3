package dev.stackplan.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plan request bodies as clients send them, for the end-to-end tests and the benchmark
 * (deploy/bench), so both send the same variety.
 */
public final class PlanRequestMother {

	private static final List<String> KINDS = List.of("SAAS", "MARKETPLACE", "CMS", "INTERNAL_TOOL", "PUBLIC_API",
			"MICROSERVICE", "ML_INFERENCE");

	private static final List<List<String>> FEATURE_SETS = List.of(List.of(), List.of("AUTH", "BILLING", "ADMIN_PANEL"),
			List.of("ASYNC_FANOUT"), List.of("ML_INFERENCE", "STREAMING"), List.of("CMS", "ADMIN_PANEL"),
			List.of("AUTH", "BILLING", "ADMIN_PANEL", "CMS", "ML_INFERENCE", "STREAMING", "ASYNC_FANOUT"));

	private static final List<Integer> RPS = List.of(10, 80, 500, 2_000, 40_000);

	private static final List<String> EXISTING = List.of("NONE", "NONE", "DJANGO", "FASTAPI");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PlanRequestMother() {
	}

	/** The README's example: a seed-stage SaaS. */
	public static Map<String, Object> seedStageSaas() {
		return request("Acme", "SAAS", List.of("AUTH", "BILLING", "ADMIN_PANEL"), 10, "NONE", 1, 0, 12, 60_000);
	}

	/**
	 * Plans that differ in every dimension the engines read: kind, features, load,
	 * existing framework, team, timeline and budget.
	 */
	public static List<Map<String, Object>> varied(String namePrefix, int count) {
		List<Map<String, Object>> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int engineers = i % 5;
			requests.add(request(namePrefix + " " + i, KINDS.get(i % KINDS.size()),
					FEATURE_SETS.get(i % FEATURE_SETS.size()), RPS.get(i % RPS.size()),
					EXISTING.get(i % EXISTING.size()), engineers, Math.min(engineers, i % 3), 4 + (i % 9) * 4,
					(i % 4 == 0) ? null : 20_000 + i * 5_000));
		}
		return requests;
	}

	public static Map<String, Object> request(String name, String kind, List<String> features, int rps, String existing,
			int engineers, int seniors, int weeks, @Nullable Integer budget) {
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

	/**
	 * Past requests as intake put them on the log: {@code PlanRequested} JSON keyed by
	 * plan id, varied in kind, features, load, existing framework, team and timeline.
	 */
	public static Map<String, String> pastRequestEvents(String namePrefix, int count) {
		Map<String, String> events = new LinkedHashMap<>();
		List<ProductKind> kinds = List.of(ProductKind.values());
		for (int i = 0; i < count; i++) {
			UUID planId = UUID.randomUUID();
			PlanRequest request = new PlanRequest(new ProductProfile(namePrefix + " " + i, kinds.get(i % kinds.size()),
					List.of(Feature.values()).subList(0, i % 5), (i % 11) * 200, ExistingFramework.values()[i % 3]),
					new Team(i % 6, Math.min(i % 6, i % 2)), 2 + (i % 30), null);
			events.put(planId.toString(),
					JSON.writeValueAsString(new PlanRequested(planId, "demo", Instant.now(), request)));
		}
		return events;
	}

}
