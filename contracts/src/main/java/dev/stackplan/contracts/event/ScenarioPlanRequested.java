package dev.stackplan.contracts.event;

import java.util.Objects;
import java.util.UUID;

import dev.stackplan.contracts.profile.PlanRequest;
import tools.jackson.databind.JsonNode;

/**
 * A past plan request replayed under a what-if scenario. Scenario traffic has topics of
 * its own, so production consumers never see it.
 *
 * @param scenarioId the scenario
 * @param planId the replayed plan, also the record key
 * @param request the request as it was accepted
 * @param overrides a JSON merge patch over the knowledge base, the same for every request
 * of the scenario
 */
public record ScenarioPlanRequested(UUID scenarioId, UUID planId, PlanRequest request, JsonNode overrides) {

	public ScenarioPlanRequested {
		Objects.requireNonNull(scenarioId, "scenarioId");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(request, "request");
		Objects.requireNonNull(overrides, "overrides");
	}

}
