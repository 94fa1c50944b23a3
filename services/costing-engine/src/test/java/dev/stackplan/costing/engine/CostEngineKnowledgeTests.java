package dev.stackplan.costing.engine;

import java.util.List;

import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.knowledge.KnowledgeSources;
import dev.stackplan.contracts.knowledge.UnknownKnowledgePathException;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.Team;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static dev.stackplan.costing.engine.CostFixtures.line;
import static dev.stackplan.costing.engine.CostFixtures.request;
import static dev.stackplan.costing.engine.CostFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine as the platform builds it: from the shipped knowledge base and its what-ifs.
 */
class CostEngineKnowledgeTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final PlanRequest PLAN = request(List.of(Feature.AUTH, Feature.ML_INFERENCE), ExistingFramework.NONE,
			new Team(1, 0), 12, null);

	@Test
	void everyOptionOfTheFrameworkPackCanBeCosted() {
		KnowledgeBase knowledge = KnowledgeBase.load();
		List<String> options = List.copyOf(knowledge.document("frameworks").required("options").propertyNames());

		List<StaffingEstimate> estimates = CostEngine.fromKnowledge(knowledge).estimate(PLAN, options);

		assertThat(options).isNotEmpty();
		assertThat(estimates).extracting(StaffingEstimate::option).containsExactlyElementsOf(options);
	}

	@Test
	void aSeniorRatePlusTwentyPercentWhatIfReachesTheEngine() {
		KnowledgeBase whatIf = KnowledgeBase.load()
			.withOverrides(JSON.readTree("{\"cost\":{\"onDemand\":{\"tiers\":{\"SENIOR\":{\"weeklyUsd\":1800}}}}}"));

		StaffingEstimate hybrid = CostEngine.fromKnowledge(whatIf).estimate(PLAN, List.of("HYBRID")).get(0);

		// two features are 8 engineer-weeks, delivered by the in-house engineer in 8
		// weeks
		assertThat(line(hybrid, "BOUNDARY_OWNER_WEEKS").amountUsd()).isEqualTo(usd("14400.00"));
	}

	@Test
	void everyOverridablePathIsAnObjectKeyNotAnArrayIndex() {
		KnowledgeBase knowledge = KnowledgeBase.load();

		assertThat(KnowledgeSources.of(knowledge.tree())).filteredOn((source) -> source.getKey().startsWith("/cost/"))
			.isNotEmpty()
			.allSatisfy((source) -> assertThat(source.getKey()).doesNotMatch(".*/\\d+(/.*)?"));
		assertThatExceptionOfType(UnknownKnowledgePathException.class).isThrownBy(() -> knowledge
			.withOverrides(JSON.readTree("{\"cost\":{\"onDemand\":{\"tiers\":{\"JUNIOR\":{\"weeklyUsd\":500}}}}}")));
	}

}
