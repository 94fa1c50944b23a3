package dev.stackplan.contracts.event;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Costing's answer to a replayed request, computed with the scenario's overrides.
 *
 * @param scenarioId the scenario
 * @param planId the replayed plan, also the record key
 * @param knowledgeVersion version id of the overridden knowledge base
 * @param byOption one staffing estimate per stack option
 */
public record ScenarioCostEstimated(UUID scenarioId, UUID planId, String knowledgeVersion, List<OptionCost> byOption) {

	public ScenarioCostEstimated {
		Objects.requireNonNull(scenarioId, "scenarioId");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(knowledgeVersion, "knowledgeVersion");
		byOption = List.copyOf(byOption);
	}

}
