package dev.stackplan.costing.engine;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.knowledge.OverriddenEngines;
import dev.stackplan.contracts.profile.PlanRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cost engine a request's own assumptions call for: the documented engine when it has
 * none, otherwise one built on the knowledge with its assumptions applied, kept for the
 * next request with the same ones. Few clients override and most reuse their figures, so
 * a small cache of the most recent patches is enough; an evicted one is rebuilt, at the
 * cost of reading the cost document once more.
 */
public final class AssumptionEngines {

	private final CostEngine documented;

	private final OverriddenEngines<CostEngine> engines;

	/**
	 * @param knowledge the documented knowledge
	 * @param documented its engine
	 * @param capacity how many patches keep their engine
	 */
	public AssumptionEngines(KnowledgeBase knowledge, CostEngine documented, int capacity) {
		this.documented = documented;
		this.engines = new OverriddenEngines<>(knowledge, CostEngine::fromKnowledge, capacity);
	}

	/**
	 * @throws IllegalArgumentException when the assumptions make a cost document the
	 * engine refuses (intake checks them, so only a hand-made event gets here)
	 */
	public CostEngine forRequest(PlanRequest request) {
		JsonNode assumptions = request.assumptions();
		if (assumptions == null || assumptions.isEmpty()) {
			return this.documented;
		}
		OverriddenEngines.Built<CostEngine> built = this.engines.forOverrides(asOverrides(assumptions));
		if (built.engine() == null) {
			throw new IllegalArgumentException("The plan's assumptions make no cost engine: " + built.failure());
		}
		return built.engine();
	}

	/** The knowledge with a request's assumptions applied to its cost document. */
	public static KnowledgeBase assumed(KnowledgeBase knowledge, JsonNode assumptions) {
		return knowledge.withOverrides(asOverrides(assumptions));
	}

	/**
	 * A request's assumptions, a patch of the cost document, as one of the whole
	 * knowledge.
	 */
	private static ObjectNode asOverrides(JsonNode assumptions) {
		ObjectNode patch = JsonNodeFactory.instance.objectNode();
		patch.set(PlanRequest.ASSUMPTIONS_DOCUMENT, assumptions);
		return patch;
	}

}
