package dev.stackplan.gateway.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.stackplan.gateway.Half;
import dev.stackplan.gateway.scenario.ScenarioRepository.ResultHalf;
import dev.stackplan.testsupport.UsesTestInfrastructure;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lease on a scenario's row, on a real Postgres: one gateway instance drives a
 * scenario at a time, a lease that ran out passes to another instance, an instance that
 * lost its lease can no longer record progress, and finished or cancelled scenarios are
 * never claimed. Two "instances" here are two instance ids on one database, exactly what
 * two gateways are to it. This context's own runner beats once an hour, so it claims
 * nothing these tests create.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = { "stackplan.topics.partitions=3",
		"stackplan.gateway.scenarios.lease=2h", "stackplan.gateway.scenarios.heartbeat=1h" })
class ScenarioLeaseR2dbcTests implements UsesTestInfrastructure {

	private static final String GATEWAY_A = "gateway-a";

	private static final String GATEWAY_B = "gateway-b";

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static final Duration SHORT_LEASE = Duration.ofMillis(200);

	private static final int MAX_TAKEOVERS = 3;

	@Autowired
	ScenarioRepository scenarios;

	@Test
	void whileAnInstanceHoldsTheLeaseNoOtherClaimsTheScenario() {
		UUID scenarioId = created();

		assertThat(this.scenarios.claim(scenarioId, GATEWAY_A, LEASE, MAX_TAKEOVERS).block()).isNotNull();

		assertThat(this.scenarios.claim(scenarioId, GATEWAY_B, LEASE, MAX_TAKEOVERS).block()).isNull();
		assertThat(abandonedClaimedBy(GATEWAY_B)).doesNotContain(scenarioId);
		assertThat(renewed(GATEWAY_A)).contains(scenarioId);
		assertThat(renewed(GATEWAY_B)).doesNotContain(scenarioId);
	}

	@Test
	void aStaleLeaseIsTakenOverAndTheFormerHolderCanNoLongerRecordProgress() throws InterruptedException {
		UUID scenarioId = created();
		this.scenarios.claim(scenarioId, GATEWAY_A, SHORT_LEASE, MAX_TAKEOVERS).block();
		assertThat(this.scenarios.started(scenarioId, GATEWAY_A, scan(10), "{\"0\": 10}").block()).isTrue();
		assertThat(this.scenarios.published(scenarioId, GATEWAY_A, 4).block()).isTrue();

		Thread.sleep(SHORT_LEASE.multipliedBy(2).toMillis());
		List<ScenarioRow> takenOver = this.scenarios.claimAbandoned(GATEWAY_B, LEASE, MAX_TAKEOVERS, 1000)
			.filter((row) -> row.scenarioId().equals(scenarioId))
			.collectList()
			.block();

		assertThat(takenOver).singleElement().satisfies((row) -> {
			assertThat(row.status()).isEqualTo(ScenarioStatus.RUNNING);
			assertThat(row.published()).as("where the former holder got to").isEqualTo(4);
			assertThat(row.total()).isEqualTo(10);
			assertThat(row.logEndOffsets()).isEqualTo("{\"0\": 10}");
		});
		assertThat(renewed(GATEWAY_A)).doesNotContain(scenarioId);
		assertThat(this.scenarios.published(scenarioId, GATEWAY_A, 8).block()).isFalse();
		assertThat(this.scenarios.published(scenarioId, GATEWAY_B, 8).block()).isTrue();
		assertThat(this.scenarios.find(scenarioId).block().published()).isEqualTo(8);
	}

	@Test
	void twoInstancesClaimingAtOnceNeverClaimTheSameScenario() {
		List<UUID> created = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			created.add(created());
		}

		Map<String, Set<UUID>> claimed = Flux.just(GATEWAY_A, GATEWAY_B, "gateway-c")
			.parallel(3)
			.runOn(Schedulers.boundedElastic())
			.flatMap((instance) -> this.scenarios.claimAbandoned(instance, LEASE, MAX_TAKEOVERS, 1000)
				.filter((row) -> created.contains(row.scenarioId()))
				.map((row) -> Map.entry(instance, row.scenarioId())))
			.sequential()
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map((byInstance) -> {
				Map<String, Set<UUID>> sets = new HashMap<>();
				byInstance.forEach((instance, ids) -> sets.put(instance, new HashSet<>(ids)));
				return sets;
			})
			.block();

		List<UUID> all = claimed.values().stream().flatMap(Set::stream).toList();
		assertThat(all).as("claimed by exactly one instance each").doesNotHaveDuplicates();
		assertThat(all).hasSize(40);
	}

	@Test
	void aCancelledScenarioStaysCancelledWhenItsLastResultsArriveAndIsNeverClaimed() {
		UUID scenarioId = created();
		UUID planId = UUID.randomUUID();
		this.scenarios.claim(scenarioId, GATEWAY_A, LEASE, MAX_TAKEOVERS).block();
		this.scenarios.started(scenarioId, GATEWAY_A, scan(1), "{\"0\": 1}").block();

		ScenarioRow cancelled = this.scenarios.cancel(scenarioId, "owner").block();
		recordHalf(scenarioId, planId, Half.STACK, "{}");
		recordHalf(scenarioId, planId, Half.COSTS, "[]");

		assertThat(cancelled.status()).isEqualTo(ScenarioStatus.CANCELLED);
		assertThat(this.scenarios.find(scenarioId).block().status()).isEqualTo(ScenarioStatus.CANCELLED);
		assertThat(this.scenarios.cancel(scenarioId, "owner").block()).as("cancelled already").isNull();
		assertThat(renewed(GATEWAY_A)).doesNotContain(scenarioId);
		assertThat(this.scenarios.claim(scenarioId, GATEWAY_B, LEASE, MAX_TAKEOVERS).block()).isNull();
	}

	@Test
	void anotherAnalystCannotCancelTheScenario() {
		UUID scenarioId = created();

		assertThat(this.scenarios.cancel(scenarioId, "someone-else").block()).isNull();
		assertThat(this.scenarios.find(scenarioId).block().status()).isEqualTo(ScenarioStatus.COUNTING);
	}

	@Test
	void halvesDeliveredAgainAfterAResumeAreCountedOnce() {
		UUID scenarioId = created();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		this.scenarios.claim(scenarioId, GATEWAY_A, LEASE, MAX_TAKEOVERS).block();
		this.scenarios.started(scenarioId, GATEWAY_A, scan(2), "{\"0\": 2}").block();

		for (int delivery = 0; delivery < 2; delivery++) {
			recordHalf(scenarioId, first, Half.STACK, "{}");
			recordHalf(scenarioId, first, Half.COSTS, "[]");
		}
		ScenarioRow halfway = this.scenarios.find(scenarioId).block();
		recordHalf(scenarioId, second, Half.COSTS, "[]");
		recordHalf(scenarioId, second, Half.STACK, "{}");
		recordHalf(scenarioId, second, Half.STACK, "{}");

		assertThat(halfway.processed()).isEqualTo(1);
		assertThat(halfway.status()).isEqualTo(ScenarioStatus.RUNNING);
		ScenarioRow done = this.scenarios.find(scenarioId).block();
		assertThat(done.processed()).isEqualTo(2);
		assertThat(done.status()).isEqualTo(ScenarioStatus.COMPLETE);
	}

	@Test
	void aScenarioWhoseGatewayKeepsStoppingFailsWithTheReasonInsteadOfRunningForever() throws InterruptedException {
		UUID scenarioId = created();
		this.scenarios.claim(scenarioId, GATEWAY_A, SHORT_LEASE, 1).block();
		Thread.sleep(SHORT_LEASE.multipliedBy(2).toMillis());
		assertThat(this.scenarios.claim(scenarioId, GATEWAY_B, SHORT_LEASE, 1).block()).as("first takeover")
			.isNotNull();
		Thread.sleep(SHORT_LEASE.multipliedBy(2).toMillis());

		assertThat(this.scenarios.claim(scenarioId, GATEWAY_A, LEASE, 1).block()).as("no second takeover").isNull();
		this.scenarios.failStuck(Duration.ofHours(6), 1).block();

		ScenarioRow failed = this.scenarios.find(scenarioId).block();
		assertThat(failed.status()).isEqualTo(ScenarioStatus.FAILED);
		assertThat(failed.failure())
			.isEqualTo("Its gateway stopped 2 times while driving it; it is not taken over again");
		assertThat(failed.finishedAt()).isNotNull();
	}

	@Test
	void aScenarioNotFinishedInTimeFailsWithHowFarItGot() throws InterruptedException {
		UUID scenarioId = created();
		this.scenarios.claim(scenarioId, GATEWAY_A, LEASE, MAX_TAKEOVERS).block();
		this.scenarios.started(scenarioId, GATEWAY_A, scan(3), "{\"0\": 3}").block();
		Thread.sleep(50);

		this.scenarios.failStuck(Duration.ofMillis(10), MAX_TAKEOVERS).block();

		ScenarioRow failed = this.scenarios.find(scenarioId).block();
		assertThat(failed.status()).isEqualTo(ScenarioStatus.FAILED);
		assertThat(failed.failure()).isEqualTo("Not finished within PT0.01S: 0 of 3 plans came back");
		assertThat(renewed(GATEWAY_A)).doesNotContain(scenarioId);
	}

	private UUID created() {
		UUID scenarioId = UUID.randomUUID();
		this.scenarios.create(scenarioId, "owner", "lease", "{\"planIds\": []}", "{}").block();
		return scenarioId;
	}

	private List<UUID> renewed(String instance) {
		return this.scenarios.renew(instance, LEASE).map(ScenarioRepository.Progress::scenarioId).collectList().block();
	}

	private List<UUID> abandonedClaimedBy(String instance) {
		return this.scenarios.claimAbandoned(instance, LEASE, MAX_TAKEOVERS, 1000)
			.map(ScenarioRow::scenarioId)
			.collectList()
			.block();
	}

	private static PlanLog.Scan scan(int requests) {
		Instant now = Instant.now();
		return new PlanLog.Scan(requests, now, now, Map.of(0, (long) requests));
	}

	private void recordHalf(UUID scenarioId, UUID planId, Half half, String json) {
		this.scenarios.recordHalves(half, List.of(new ResultHalf(scenarioId, planId, "v", json))).block();
	}

}
