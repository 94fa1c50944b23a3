package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.stackplan.contracts.event.OptionCost;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to estimate all three stack options for one plan request, over profiles that
 * exercise different rules: a seed SaaS with no team, an ML API with a small team, a
 * FastAPI app migrating with a budget, a large in-house team.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CostEngineBenchmark {

	@Param({ "SEED_SAAS", "ML_API", "MIGRATION", "BIG_TEAM" })
	public String profile;

	private CostEngine engine;

	private PlanRequest request;

	@Setup
	public void setUp() {
		this.engine = CostEngine.fromDocument(CostFixtures.document());
		this.request = switch (this.profile) {
			case "SEED_SAAS" -> request(ProductKind.SAAS, List.of(Feature.AUTH, Feature.BILLING, Feature.ADMIN_PANEL),
					ExistingFramework.NONE, new Team(0, 0), 12, null);
			case "ML_API" -> request(ProductKind.ML_INFERENCE, List.of(Feature.STREAMING, Feature.ML_INFERENCE),
					ExistingFramework.NONE, new Team(2, 1), 8, null);
			case "MIGRATION" -> request(ProductKind.SAAS, List.of(Feature.values()), ExistingFramework.FASTAPI,
					new Team(1, 0), 20, new BigDecimal("150000"));
			case "BIG_TEAM" -> request(ProductKind.MARKETPLACE, List.of(Feature.AUTH, Feature.CMS),
					ExistingFramework.DJANGO, new Team(8, 3), 52, new BigDecimal("500000"));
			default -> throw new IllegalArgumentException(this.profile);
		};
	}

	@Benchmark
	public List<StaffingEstimate> estimateThreeOptions() {
		return this.engine.estimate(this.request, CostFixtures.OPTIONS);
	}

	/** What the costing service does per plan: the compact cost, without the words. */
	@Benchmark
	public List<OptionCost> decideThreeOptions() {
		return this.engine.decide(this.request, CostFixtures.OPTIONS);
	}

	private static PlanRequest request(ProductKind kind, List<Feature> features, ExistingFramework existing, Team team,
			int timelineWeeks, BigDecimal budgetUsd) {
		return new PlanRequest(new ProductProfile("Benchmark", kind, features, 500, existing), team, timelineWeeks,
				budgetUsd);
	}

}
