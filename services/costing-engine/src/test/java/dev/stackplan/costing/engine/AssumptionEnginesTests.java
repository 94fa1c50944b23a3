package dev.stackplan.costing.engine;

import java.util.List;

import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.Team;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's own assumptions change exactly the figures they name, and the estimate
 * moves only where those figures enter it.
 */
class AssumptionEnginesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.load();

	private static final CostEngine DOCUMENTED = CostEngine.fromKnowledge(KNOWLEDGE);

	private static final PlanRequest DOCUMENTED_REQUEST = CostFixtures.request(
			List.of(Feature.AUTH, Feature.BILLING, Feature.ADMIN_PANEL), ExistingFramework.NONE, new Team(0, 0), 12,
			null);

	private final AssumptionEngines engines = new AssumptionEngines(KNOWLEDGE, DOCUMENTED, 2);

	@Test
	void anOverrideChangesOnlyTheFigureItNames() {
		JsonNode patch = JSON.readTree("{\"fullTime\": {\"salaries\": {\"MID\": {\"lowUsd\": 90000}}}}");

		ObjectNode assumed = AssumptionEngines.assumed(KNOWLEDGE, patch).tree();
		assertThat(assumed.at("/cost/fullTime/salaries/MID/lowUsd").decimalValue()).isEqualByComparingTo("90000");
		((ObjectNode) assumed.at("/cost/fullTime/salaries/MID")).set("lowUsd",
				KNOWLEDGE.tree().at("/cost/fullTime/salaries/MID/lowUsd"));
		assertThat(assumed).isEqualTo(KNOWLEDGE.tree());
	}

	@Test
	void aLowerMidSalaryLowersTheFullTimeBaselineAndLeavesTheOnDemandPriceAlone() {
		StaffingEstimate documented = estimate(DOCUMENTED_REQUEST);
		StaffingEstimate assumed = estimate(DOCUMENTED_REQUEST.withAssumptions(JSON
			.readTree("{\"fullTime\": {\"salaries\": {\"MID\": " + "{\"lowUsd\": 60000, \"highUsd\": 80000}}}}")));

		assertThat(assumed.fullTime().totalUsd().low()).isLessThan(documented.fullTime().totalUsd().low());
		assertThat(assumed.fullTime().totalUsd().high()).isLessThan(documented.fullTime().totalUsd().high());
		assertThat(assumed.onDemand()).isEqualTo(documented.onDemand());
		assertThat(assumed.roles()).isEqualTo(documented.roles());
	}

	@Test
	void aHigherMidRateRaisesTheOnDemandPriceAndLeavesTheFullTimeBaselineAlone() {
		StaffingEstimate documented = estimate(DOCUMENTED_REQUEST);
		StaffingEstimate assumed = estimate(DOCUMENTED_REQUEST
			.withAssumptions(JSON.readTree("{\"onDemand\": {\"tiers\": {\"MID\": {\"weeklyUsd\": 1200}}}}")));

		assertThat(assumed.onDemand().totalUsd()).isGreaterThan(documented.onDemand().totalUsd());
		assertThat(assumed.fullTime().totalUsd()).isEqualTo(documented.fullTime().totalUsd());
	}

	@Test
	void aRequestWithoutAssumptionsIsCostedByTheDocumentedEngineAndTheSameAssumptionsReuseTheirs() {
		PlanRequest assumed = DOCUMENTED_REQUEST
			.withAssumptions(JSON.readTree("{\"fullTime\": {\"loadedMultiplier\": {\"high\": 1.5}}}"));

		assertThat(this.engines.forRequest(DOCUMENTED_REQUEST)).isSameAs(DOCUMENTED);
		assertThat(this.engines.forRequest(assumed)).isNotSameAs(DOCUMENTED)
			.isSameAs(this.engines.forRequest(assumed.withAssumptions(assumed.assumptions().deepCopy())));
	}

	private StaffingEstimate estimate(PlanRequest request) {
		return this.engines.forRequest(request).estimate(request, List.of("DJANGO")).get(0);
	}

}
