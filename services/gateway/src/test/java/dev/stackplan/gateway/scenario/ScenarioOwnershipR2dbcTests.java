package dev.stackplan.gateway.scenario;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.stackplan.gateway.InputLimits;
import dev.stackplan.testsupport.UsesTestInfrastructure;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario is read by id and owner in one query; another analyst's is never fetched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = { "stackplan.topics.partitions=3" })
class ScenarioOwnershipR2dbcTests implements UsesTestInfrastructure {

	@Autowired
	ScenarioRepository scenarios;

	@Test
	void anotherAnalystsScenarioIsNotFoundAndTheOwnersIs() {
		UUID scenarioId = UUID.randomUUID();
		this.scenarios.create(scenarioId, "owner", "ownership", "{\"planIds\": []}", "{}").block();

		StepVerifier.create(this.scenarios.findOwned(scenarioId, "someone-else")).verifyComplete();
		StepVerifier.create(this.scenarios.findOwned(UUID.randomUUID(), "owner")).verifyComplete();
		StepVerifier.create(this.scenarios.findOwned(scenarioId, "owner"))
			.expectNextMatches((row) -> row.scenarioId().equals(scenarioId) && "owner".equals(row.clientId()))
			.verifyComplete();
	}

	@Test
	void anAnalystsScenariosArePagedNewestFirstAfterTheCursor() {
		String analyst = "pager-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			this.scenarios.create(UUID.randomUUID(), analyst, "page " + i, "{\"planIds\": []}", "{}").block();
		}
		List<ScenarioRow> first = this.scenarios.findByClient(analyst, null, 2).collectList().block();
		assertThat(first).extracting(ScenarioRow::name).containsExactly("page 2", "page 1");
		ScenarioRow last = first.get(1);
		ScenarioCursor cursor = ScenarioCursor.decode(new ScenarioCursor(last.createdAt(), last.scenarioId()).encode(),
				new InputLimits(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"), 100_000));
		assertThat(this.scenarios.findByClient(analyst, cursor, 2).collectList().block()).extracting(ScenarioRow::name)
			.containsExactly("page 0");
		StepVerifier.create(this.scenarios.findByClient("someone-else-" + analyst, null, 2)).verifyComplete();
	}

}
