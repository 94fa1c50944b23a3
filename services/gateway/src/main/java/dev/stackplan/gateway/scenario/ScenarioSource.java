package dev.stackplan.gateway.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

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

	/**
	 * Decides, per logged request, whether the scenario replays it; built once per scan.
	 */
	BiPredicate<PlanRequested, Instant> selector() {
		Set<UUID> wantedPlans = (this.planIds != null) ? Set.copyOf(this.planIds) : null;
		Set<String> wantedKinds = (this.productKinds != null) ? Set.copyOf(this.productKinds) : Set.of();
		return (request, loggedAt) -> (this.from == null || !loggedAt.isBefore(this.from))
				&& (this.to == null || loggedAt.isBefore(this.to))
				&& (wantedPlans == null || wantedPlans.contains(request.planId()))
				&& (wantedKinds.isEmpty() || wantedKinds.contains(request.request().product().kind().name()));
	}

}
