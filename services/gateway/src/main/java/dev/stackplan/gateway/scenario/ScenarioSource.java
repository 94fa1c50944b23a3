package dev.stackplan.gateway.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.stackplan.contracts.event.PlanRequested;
import org.jspecify.annotations.Nullable;

/**
 * Which past requests a scenario replays: a time range of acceptance, or a list of plans,
 * optionally only some product kinds.
 *
 * @param from earliest acceptance time, inclusive
 * @param to latest acceptance time, exclusive
 * @param planIds the plans to replay, instead of a time range
 * @param productKinds only these product kinds; empty for all
 */
public record ScenarioSource(@Nullable Instant from, @Nullable Instant to, @Nullable List<UUID> planIds,
		@Nullable List<String> productKinds) {

	boolean selects(PlanRequested request, Instant loggedAt) {
		if (this.from != null && loggedAt.isBefore(this.from)) {
			return false;
		}
		if (this.to != null && !loggedAt.isBefore(this.to)) {
			return false;
		}
		if (this.planIds != null && !Set.copyOf(this.planIds).contains(request.planId())) {
			return false;
		}
		return this.productKinds == null || this.productKinds.isEmpty()
				|| this.productKinds.contains(request.request().product().kind().name());
	}

}
