package dev.stackplan.gateway.scenario;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.knowledge.UnknownKnowledgePathException;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.kit.FieldViolation;
import dev.stackplan.kit.KnowledgePatchCheck;
import dev.stackplan.scoring.engine.ScoringEngine;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a scenario's overrides make a knowledge base the engines can run on,
 * before anything runs: every path must exist (a near miss gets "did you mean"), every
 * value must have the type and lie within the bounds of
 * {@code knowledge/override-bounds.schema.json} in contracts, and the engines must accept
 * the result. Each problem is named by its path under {@code overrides}, e.g.
 * {@code overrides/cost/onDemand/tiers/MID/weeklyUsd}.
 */
final class KnowledgeOverrides {

	private static final String FIELD = "overrides";

	private final KnowledgeBase knowledge;

	private final KnowledgePatchCheck check;

	KnowledgeOverrides(KnowledgeBase knowledge) {
		this.knowledge = knowledge;
		this.check = new KnowledgePatchCheck(knowledge);
	}

	/**
	 * Every problem of the overrides, each with its {@code field} and {@code message}.
	 */
	List<FieldViolation> problems(JsonNode overrides) {
		List<KnowledgePatchCheck.Problem> unknown = this.check.unknownPaths(overrides);
		if (!unknown.isEmpty()) {
			return named(unknown.stream());
		}
		KnowledgeBase overridden;
		try {
			overridden = this.knowledge.withOverrides(overrides);
		}
		catch (UnknownKnowledgePathException ex) {
			return List.of(problem(FIELD + ex.path(), ex.getMessage()));
		}
		List<KnowledgePatchCheck.Problem> outOfBounds = this.check.outOfBounds(overridden);
		if (!outOfBounds.isEmpty()) {
			return named(outOfBounds.stream());
		}
		return named(Stream
			.of(KnowledgePatchCheck.engineRefusal(() -> ScoringEngine.fromKnowledge(overridden), "/frameworks"),
					KnowledgePatchCheck.engineRefusal(() -> CostEngine.fromKnowledge(overridden), "/cost"))
			.flatMap(Optional::stream));
	}

	private static List<FieldViolation> named(Stream<KnowledgePatchCheck.Problem> problems) {
		return problems.map((problem) -> problem(FIELD + problem.pointer(), problem.message())).toList();
	}

	private static FieldViolation problem(String field, String message) {
		return new FieldViolation(field, message);
	}

}
