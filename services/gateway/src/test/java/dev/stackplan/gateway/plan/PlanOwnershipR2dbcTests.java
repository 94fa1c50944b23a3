package dev.stackplan.gateway.plan;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.stackplan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A plan is read by id and owner in one query: another client's plan is never fetched, so
 * "not yours" takes the same path as "does not exist".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = { "stackplan.topics.partitions=3" })
class PlanOwnershipR2dbcTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

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
		this.plans.recordEstimated(planId, "kb-1", NOW, "[]").block();

		StepVerifier.create(this.plans.findOwned(planId, "owner")).verifyComplete();
	}

}
