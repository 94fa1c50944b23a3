package dev.stackplan.gateway.plan;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.stackplan.gateway.Half;
import dev.stackplan.testsupport.UsesTestInfrastructure;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A plan is read by id and owner in one query: another client's plan is never fetched, so
 * "not yours" takes the same path as "does not exist".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = { "stackplan.topics.partitions=3" })
class PlanOwnershipR2dbcTests implements UsesTestInfrastructure {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Autowired
	PlanRepository plans;

	@Test
	void anotherClientsPlanIsNotFoundAndTheOwnersIs() {
		UUID planId = UUID.randomUUID();
		this.plans.recordAccepted(planId, "owner", NOW).block();

		StepVerifier.create(this.plans.findOwned(planId, "someone-else")).verifyComplete();
		StepVerifier.create(this.plans.findOwned(UUID.randomUUID(), "owner")).verifyComplete();
		StepVerifier.create(this.plans.findOwned(planId, "owner"))
			.expectNextMatches((row) -> row.planId().equals(planId) && "owner".equals(row.clientId()))
			.verifyComplete();
	}

	@Test
	void aPlanWhoseOwnerIsNotKnownYetBelongsToNobody() {
		UUID planId = UUID.randomUUID();
		// a half can arrive before plan.requested: the row exists without a client
		this.plans.recordHalf(Half.COSTS, planId, "kb-1", NOW, "[]").block();

		StepVerifier.create(this.plans.findOwned(planId, "owner")).verifyComplete();
	}

}
