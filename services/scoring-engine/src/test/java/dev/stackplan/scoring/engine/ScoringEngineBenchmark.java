package dev.stackplan.scoring.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import static dev.stackplan.scoring.engine.Plans.plan;

/**
 * Time to assess one plan request with the shipped framework pack, averaged over profiles
 * that fire different rules. Run with {@code deploy/bench/jmh.sh services/scoring}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScoringEngineBenchmark {

	private static final List<PlanRequest> PROFILES = List.of(
			plan(ProductKind.SAAS, "BILLING ADMIN_PANEL", 10, "2/1", ExistingFramework.NONE),
			plan(ProductKind.ML_INFERENCE, "ML_INFERENCE", 2000, "2/1", ExistingFramework.NONE),
			plan(ProductKind.SAAS, "AUTH BILLING ADMIN_PANEL ML_INFERENCE", 300, "3/1", ExistingFramework.NONE),
			plan(ProductKind.SAAS, "AUTH BILLING ADMIN_PANEL ML_INFERENCE", 300, "1/1", ExistingFramework.NONE),
			plan(ProductKind.SAAS, "AUTH BILLING ADMIN_PANEL CMS", 50, "2/1", ExistingFramework.FASTAPI),
			plan(ProductKind.MICROSERVICE, "ASYNC_FANOUT STREAMING", 5000, "4/2", ExistingFramework.DJANGO));

	private ScoringEngine engine;

	@Setup
	public void loadThePack() {
		this.engine = ScoringEngine.fromKnowledge(KnowledgeBase.load());
	}

	@Benchmark
	@OperationsPerInvocation(6)
	public void assess(Blackhole blackhole) {
		for (PlanRequest profile : PROFILES) {
			blackhole.consume(this.engine.assess(profile));
		}
	}

}
