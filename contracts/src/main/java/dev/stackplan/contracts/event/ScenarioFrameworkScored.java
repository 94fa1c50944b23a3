package dev.stackplan.contracts.event;

import java.util.Objects;
import java.util.UUID;

/**
 * Scoring's answer to a replayed request, computed with the scenario's overrides.
 *
 * @param scenarioId the scenario
 * @param planId the replayed plan, also the record key
 * @param knowledgeVersion version id of the overridden knowledge base
 * @param stack the ranking
 */
public record ScenarioFrameworkScored(UUID scenarioId, UUID planId, String knowledgeVersion, StackDecision stack) {

	public ScenarioFrameworkScored {
		Objects.requireNonNull(scenarioId, "scenarioId");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(knowledgeVersion, "knowledgeVersion");
		Objects.requireNonNull(stack, "stack");
	}

}
