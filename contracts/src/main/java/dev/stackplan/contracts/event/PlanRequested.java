package dev.stackplan.contracts.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.stackplan.contracts.profile.PlanRequest;

/**
 * Intake accepted a plan request; the broker acknowledged it before the client got 202.
 *
 * @param planId the plan, also the record key
 * @param clientId the API client that owns the plan
 * @param requestedAt when intake accepted it
 * @param request the validated, normalised request
 */
public record PlanRequested(UUID planId, String clientId, Instant requestedAt, PlanRequest request) {

	public PlanRequested {
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(requestedAt, "requestedAt");
		Objects.requireNonNull(request, "request");
	}

}
