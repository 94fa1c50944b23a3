package dev.stackplan.gateway.scenario;

import java.util.UUID;

import dev.stackplan.gateway.GatewayApplication;
import dev.stackplan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A scenario is read by id and owner in one query; another analyst's is never fetched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { GatewayApplication.CONFIG_NAME, "stackplan.topics.partitions=3" })
class ScenarioOwnershipR2dbcTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

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

}
