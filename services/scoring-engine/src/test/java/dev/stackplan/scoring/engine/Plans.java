package dev.stackplan.scoring.engine;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.stackplan.contracts.event.OptionAssessment;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;

/** Short-hand for the plan requests of the engine's tests and benchmark. */
final class Plans {

	static final KnowledgeBase KNOWLEDGE = KnowledgeBase.load();

	static final ScoringEngine FRAMEWORKS = ScoringEngine.fromKnowledge(KNOWLEDGE);

	private Plans() {
	}

	/**
	 * @param features space-separated feature names, or {@code -} for none
	 * @param team engineers/seniors, e.g. {@code 3/1}
	 */
	static PlanRequest plan(ProductKind kind, String features, int expectedRps, String team,
			ExistingFramework existing) {
		return plan(kind, features, expectedRps, team, existing, 12);
	}

	static PlanRequest plan(ProductKind kind, String features, int expectedRps, String team, ExistingFramework existing,
			int timelineWeeks) {
		String[] engineers = team.split("/");
		return new PlanRequest(new ProductProfile("test product", kind, features(features), expectedRps, existing),
				new Team(Integer.parseInt(engineers[0]), Integer.parseInt(engineers[1])), timelineWeeks, null);
	}

	static List<Feature> features(String features) {
		if (features.isBlank() || features.equals("-")) {
			return List.of();
		}
		return Arrays.stream(features.trim().split("\\s+")).map(Feature::valueOf).toList();
	}

	/**
	 * e.g. {@code DJANGO 88.5, HYBRID 77.3 (ineligible), FASTAPI 46.3}, for failure
	 * messages.
	 */
	static String summary(StackAssessment assessment) {
		return assessment.options().stream().map(Plans::summary).collect(Collectors.joining(", "));
	}

	private static String summary(OptionAssessment option) {
		return option.option() + " " + option.score() + (option.eligible() ? "" : " (ineligible)");
	}

}
