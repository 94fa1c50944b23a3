package dev.stackplan.reliability;

import java.util.List;

/**
 * Valid plan requests that differ in what the engines read (kind, features, load,
 * existing framework, team, timeline, budget), so the pipeline does real work for each.
 */
final class PlanRequests {

	private static final List<String> KINDS = List.of("SAAS", "MARKETPLACE", "CMS", "INTERNAL_TOOL", "PUBLIC_API",
			"MICROSERVICE", "ML_INFERENCE");

	private static final List<String> FEATURE_SETS = List.of("[]", "[\"AUTH\",\"BILLING\",\"ADMIN_PANEL\"]",
			"[\"ASYNC_FANOUT\"]", "[\"ML_INFERENCE\",\"STREAMING\"]", "[\"CMS\",\"ADMIN_PANEL\"]");

	private static final List<Integer> RPS = List.of(10, 80, 500, 2_000, 40_000);

	private static final List<String> EXISTING = List.of("NONE", "DJANGO", "FASTAPI");

	private static final int TEAM_SIZES = 5;

	private PlanRequests() {
	}

	static String varied(int index) {
		int engineers = index % TEAM_SIZES;
		return """
				{"product":{"name":"Reliability %d","kind":"%s","features":%s,"expectedRps":%d,\
				"existingFramework":"%s"},"team":{"engineers":%d,"seniorEngineers":%d},\
				"timelineWeeks":%d,"budgetUsd":%d}"""
			.formatted(index, KINDS.get(index % KINDS.size()), FEATURE_SETS.get(index % FEATURE_SETS.size()),
					RPS.get(index % RPS.size()), EXISTING.get(index % EXISTING.size()), engineers,
					Math.min(engineers, index % 3), 4 + (index % 9) * 4, 20_000 + (index % 50) * 5_000)
			.strip();
	}

}
