package dev.stackplan.gateway.plan;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.stackplan.contracts.event.PlanStatus;
import dev.stackplan.gateway.Half;
import dev.stackplan.testsupport.Database;
import dev.stackplan.testsupport.TestInfrastructure;
import dev.stackplan.testsupport.UsesTestInfrastructure;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model on a real Postgres: idempotent, order-independent upserts. The deadline
 * sweeper looks once, at start: these rows are filed at fixed times that a slow start can
 * put past the plan timeout, and no scoring or costing runs here to answer them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "stackplan.topics.partitions=3", "stackplan.gateway.deadline-check-interval=1h" })
class PlanRepositoryR2dbcTests implements UsesTestInfrastructure {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Autowired
	PlanRepository plans;

	@Autowired
	DatabaseClient db;

	@Test
	void theR2dbcConnectionPointsAtTheTestDatabaseAndTheGatewaySchema() {
		Database expected = TestInfrastructure.database();

		StepVerifier
			.create(this.db.sql("select current_database() as db, current_schema() as schema")
				.map((row) -> row.get("db", String.class) + "/" + row.get("schema", String.class))
				.one())
			.expectNext(expected.name() + "/gateway")
			.verifyComplete();
	}

	@Test
	void aPlanBecomesCompleteWhenTheSecondHalfArrivesInEitherOrder() {
		UUID scoredFirst = UUID.randomUUID();
		UUID estimatedFirst = UUID.randomUUID();

		this.plans.recordHalf(Half.STACK, scoredFirst, "kb-1", NOW, "{\"recommendation\":\"DJANGO\"}").block();
		assertThat(this.plans.findById(scoredFirst).block().status()).isEqualTo(PlanStatus.PENDING);
		this.plans.recordHalf(Half.COSTS, scoredFirst, "kb-1", NOW, "[]").block();

		this.plans.recordHalf(Half.COSTS, estimatedFirst, "kb-1", NOW, "[]").block();
		this.plans.recordHalf(Half.STACK, estimatedFirst, "kb-1", NOW, "{\"recommendation\":\"DJANGO\"}").block();

		assertThat(this.plans.findById(scoredFirst).block()).satisfies((plan) -> {
			assertThat(plan.status()).isEqualTo(PlanStatus.COMPLETE);
			assertThat(plan.assembledAt()).as("a complete plan shows when it was assembled").isNotNull();
		});
		assertThat(this.plans.findById(estimatedFirst).block()).satisfies((plan) -> {
			assertThat(plan.status()).isEqualTo(PlanStatus.COMPLETE);
			assertThat(plan.assembledAt()).isNotNull();
		});
	}

	@Test
	void aRedeliveredHalfChangesNothing() {
		UUID planId = UUID.randomUUID();
		this.plans.recordHalf(Half.STACK, planId, "kb-1", NOW, "{\"recommendation\":\"DJANGO\"}").block();
		this.plans.recordHalf(Half.COSTS, planId, "kb-1", NOW, "[]").block();
		this.plans.markAssembledPublished(planId, NOW).block();
		PlanRow before = this.plans.findById(planId).block();

		this.plans.recordHalf(Half.STACK, planId, "kb-2", NOW.plusSeconds(5), "{\"recommendation\":\"FASTAPI\"}")
			.block();
		this.plans.recordHalf(Half.COSTS, planId, "kb-2", NOW.plusSeconds(5), "[{}]").block();
		this.plans.recordRequested(planId, "public", NOW, "{\"timelineWeeks\":4}").block();
		this.plans.recordRequested(planId, "other", NOW.plusSeconds(9), "{\"timelineWeeks\":8}").block();
		this.plans.markAssembledPublished(planId, NOW.plusSeconds(9)).block();

		PlanRow after = this.plans.findById(planId).block();
		assertThat(after.stack()).isEqualTo(before.stack());
		assertThat(after.costs()).isEqualTo(before.costs());
		assertThat(after.stackKnowledgeVersion()).isEqualTo("kb-1");
		assertThat(after.request()).as("the first request stays").isEqualToIgnoringWhitespace("{\"timelineWeeks\":4}");
		assertThat(after.clientId()).isEqualTo("public");
		assertThat(after.assembledAt()).isNotNull().isEqualTo(before.assembledAt());
	}

	@Test
	void theRequestEventCompletesWhatTheAcceptanceStarted() {
		UUID planId = UUID.randomUUID();
		this.plans.recordAccepted(planId, "public", NOW.plusSeconds(1)).block();
		assertThat(this.plans.findById(planId).block().request()).isNull();

		this.plans.recordRequested(planId, "public", NOW, "{\"timelineWeeks\":12}").block();
		this.plans.recordAccepted(planId, "public", NOW.plusSeconds(2)).block();

		PlanRow row = this.plans.findById(planId).block();
		assertThat(row.status()).isEqualTo(PlanStatus.PENDING);
		assertThat(row.request()).isEqualToIgnoringWhitespace("{\"timelineWeeks\":12}");
		assertThat(row.requestedAt()).as("the event's time is authoritative").isEqualTo(NOW);
	}

}
