package dev.stackplan.gateway.scenario;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioSourceTests {

	private static final Instant FROM = Instant.parse("2026-11-24T00:00:00Z");

	private static final Instant TO = Instant.parse("2026-11-25T00:00:00Z");

	@Test
	void aTimeRangeIncludesItsStartAndExcludesItsEnd() {
		var selector = new ScenarioSource(FROM, TO, null, List.of()).selector();
		PlanRequested request = request(UUID.randomUUID(), ProductKind.SAAS);

		assertThat(selector.test(request, FROM)).isTrue();
		assertThat(selector.test(request, TO.minusMillis(1))).isTrue();
		assertThat(selector.test(request, TO)).isFalse();
		assertThat(selector.test(request, FROM.minusMillis(1))).isFalse();
	}

	@Test
	void planIdsAndProductKindsNarrowTheSelection() {
		UUID wanted = UUID.randomUUID();
		var selector = new ScenarioSource(null, null, List.of(wanted), List.of("CMS")).selector();

		assertThat(selector.test(request(wanted, ProductKind.CMS), FROM)).isTrue();
		assertThat(selector.test(request(wanted, ProductKind.SAAS), FROM)).isFalse();
		assertThat(selector.test(request(UUID.randomUUID(), ProductKind.CMS), FROM)).isFalse();
	}

	private static PlanRequested request(UUID planId, ProductKind kind) {
		return new PlanRequested(planId, "demo", FROM, new PlanRequest(
				new ProductProfile("P", kind, List.of(), 10, ExistingFramework.NONE), new Team(1, 0), 4, null));
	}

}
