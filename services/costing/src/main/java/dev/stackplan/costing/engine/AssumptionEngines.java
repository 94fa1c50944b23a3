package dev.stackplan.costing.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
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

	private final KnowledgeBase knowledge;

	private final CostEngine documented;

	private final Map<String, CostEngine> engines;

	/**
	 * @param knowledge the documented knowledge
	 * @param documented its engine
	 * @param capacity how many patches keep their engine
	 */
	public AssumptionEngines(KnowledgeBase knowledge, CostEngine documented, int capacity) {
		this.knowledge = knowledge;
		this.documented = documented;
		this.engines = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, CostEngine> eldest) {
				return size() > capacity;
			}

		};
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
		synchronized (this.engines) {
			return this.engines.computeIfAbsent(assumptions.toString(),
					(key) -> CostEngine.fromKnowledge(assumed(this.knowledge, assumptions)));
		}
	}

	/** The knowledge with a request's assumptions applied to its cost document. */
	public static KnowledgeBase assumed(KnowledgeBase knowledge, JsonNode assumptions) {
		ObjectNode patch = JsonNodeFactory.instance.objectNode();
		patch.set(PlanRequest.ASSUMPTIONS_DOCUMENT, assumptions);
		return knowledge.withOverrides(patch);
	}

}
