package dev.stackplan.scoring.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.stackplan.contracts.event.Advice;
import dev.stackplan.contracts.event.FactorScore;
import dev.stackplan.contracts.event.OptionAssessment;
import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.knowledge.SourceRef;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import static dev.stackplan.scoring.engine.Plans.FRAMEWORKS;
import static dev.stackplan.scoring.engine.Plans.KNOWLEDGE;
import static org.assertj.core.api.Assertions.assertThat;

/** What holds for every profile, not just the article's examples. */
class ScoringEnginePropertiesTests {

	private static final List<String> ARTICLE = articleLines();

	private static final Set<String> DECLARED = declaredSources(KNOWLEDGE);

	@Property
	void raisingExpectedRpsNeverLowersFastApisThroughputContribution(@ForAll("plans") PlanRequest plan,
			@ForAll @IntRange(min = 1, max = 50_000) int moreRps) {
		PlanRequest busier = new PlanRequest(
				new ProductProfile(plan.product().name(), plan.product().kind(), plan.product().features(),
						plan.product().expectedRps() + moreRps, plan.product().existingFramework()),
				plan.team(), plan.timelineWeeks(), plan.budgetUsd());

		assertThat(fastApiThroughputContribution(FRAMEWORKS.assess(busier)))
			.isGreaterThanOrEqualTo(fastApiThroughputContribution(FRAMEWORKS.assess(plan)));
	}

	@Property
	void featureOrderAndDuplicatesNeverChangeTheResult(@ForAll("plans") PlanRequest plan, @ForAll long seed) {
		List<Feature> shuffledTwice = new ArrayList<>(plan.product().features());
		shuffledTwice.addAll(plan.product().features());
		Collections.shuffle(shuffledTwice, new Random(seed));
		PlanRequest reordered = new PlanRequest(
				new ProductProfile(plan.product().name(), plan.product().kind(), shuffledTwice,
						plan.product().expectedRps(), plan.product().existingFramework()),
				plan.team(), plan.timelineWeeks(), plan.budgetUsd());

		assertThat(FRAMEWORKS.assess(reordered)).isEqualTo(FRAMEWORKS.assess(plan));
	}

	@Property
	void theProductsNameNeverChangesTheRecommendationOrItsCondition(@ForAll("plans") PlanRequest plan,
			@ForAll @StringLength(min = 1, max = 120) String name) {
		PlanRequest renamed = new PlanRequest(new ProductProfile(name, plan.product().kind(), plan.product().features(),
				plan.product().expectedRps(), plan.product().existingFramework()), plan.team(), plan.timelineWeeks(),
				plan.budgetUsd());

		assertThat(FRAMEWORKS.assess(renamed)).isEqualTo(FRAMEWORKS.assess(plan));
	}

	@Property
	void anOptionIsEitherRuledOutOrOfferedOnACondition(@ForAll("plans") PlanRequest plan) {
		for (OptionAssessment option : FRAMEWORKS.assess(plan).options()) {
			assertThat(option.ineligibility() != null && option.condition() != null)
				.as("%s is ruled out and offered on a condition at once", option.option())
				.isFalse();
			assertThat(option.eligible()).isEqualTo(option.ineligibility() == null);
		}
	}

	@Property
	void aTeamWithOneEngineerOrNoneIsNeverRecommendedTheHybrid(@ForAll("plans") PlanRequest plan) {
		if (plan.team().engineers() < 2) {
			assertThat(FRAMEWORKS.assess(plan).recommendation()).isNotEqualTo("HYBRID");
		}
	}

	@Property
	void optionScoresStayWithinZeroToAHundredAndWeightsShareOne(@ForAll("plans") PlanRequest plan) {
		StackAssessment assessment = FRAMEWORKS.assess(plan);

		assertThat(assessment.options()).extracting(OptionAssessment::option)
			.containsExactlyInAnyOrderElementsOf(FRAMEWORKS.optionIds());
		for (OptionAssessment option : assessment.options()) {
			assertThat(option.score()).isBetween(BigDecimal.ZERO, new BigDecimal("100")).hasScaleOf(1);
			assertThat(option.factors().stream().map(FactorScore::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
				.isEqualByComparingTo(BigDecimal.ONE);
			assertThat(option.factors()).allSatisfy((factor) -> {
				assertThat(factor.weight()).hasScaleOf(4).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
				assertThat(factor.score()).hasScaleOf(1).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
			});
		}
		assertThat(assessment.options().get(0).option()).isEqualTo(assessment.recommendation());
		assertThat(assessment.options().get(0).eligible()).isTrue();
	}

	@Property
	void everyLineOfTheAssessmentHasASourceThatResolves(@ForAll("plans") PlanRequest plan) {
		StackAssessment assessment = FRAMEWORKS.assess(plan);

		List<String> sources = new ArrayList<>();
		for (OptionAssessment option : assessment.options()) {
			if (option.ineligibility() != null) {
				sources.add(option.ineligibility().source());
			}
			for (FactorScore factor : option.factors()) {
				sources.add(factor.source());
				sources.add(factor.scoreSource());
				factor.weightReasons().forEach((reason) -> sources.add(reason.source()));
			}
		}
		assessment.rationale().stream().map(SourcedText::source).forEach(sources::add);
		for (Advice advice : assessment.advice()) {
			sources.add(advice.source());
			if (advice.effortEngineerWeeks() != null) {
				sources.add(advice.effortSource());
			}
		}

		assertThat(assessment.rationale()).isNotEmpty();
		assertThat(sources).allSatisfy(ScoringEnginePropertiesTests::assertResolves);
	}

	@Property
	void theSameInputTwiceGivesAnEqualAssessment(@ForAll("plans") PlanRequest plan) {
		StackAssessment first = FRAMEWORKS.assess(plan);

		assertThat(FRAMEWORKS.assess(plan)).isEqualTo(first);
		assertThat(ScoringEngine.fromKnowledge(KnowledgeBase.load()).assess(plan)).isEqualTo(first);
	}

	@Provide
	Arbitrary<PlanRequest> plans() {
		Arbitrary<ProductProfile> products = Combinators
			.combine(Arbitraries.of(ProductKind.class), Arbitraries.of(Feature.class).list().ofMaxSize(7),
					Arbitraries.integers().between(0, 100_000), Arbitraries.of(ExistingFramework.class))
			.as((kind, features, rps, existing) -> new ProductProfile("generated", kind, features, rps, existing));
		Arbitrary<Team> teams = Arbitraries.integers()
			.between(0, 30)
			.flatMap((engineers) -> Arbitraries.integers()
				.between(0, engineers)
				.map((seniors) -> new Team(engineers, seniors)));
		return Combinators.combine(products, teams).as((product, team) -> new PlanRequest(product, team, 12, null));
	}

	static void assertResolves(String source) {
		SourceRef ref = SourceRef.parse(source);
		if (ref.citesArticleLines()) {
			assertThat(ref.lastLine()).as(source).isBetween(ref.firstLine(), ARTICLE.size());
			for (int line = ref.firstLine(); line <= ref.lastLine(); line++) {
				assertThat(ARTICLE.get(line - 1)).as("%s cites a blank line", source).isNotBlank();
			}
		}
		else {
			assertThat(DECLARED).as("declared assumptions and references").contains(source);
		}
	}

	private static BigDecimal fastApiThroughputContribution(StackAssessment assessment) {
		FactorScore throughput = ScoringEngineRulesTests.option(assessment, "FASTAPI")
			.factors()
			.stream()
			.filter((factor) -> factor.factor().equals("THROUGHPUT"))
			.findFirst()
			.orElseThrow();
		return throughput.weight().multiply(throughput.score());
	}

	private static List<String> articleLines() {
		String name = KnowledgeBase.ROOT + "sources/django-vs-fastapi-2026.txt";
		try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> declaredSources(KnowledgeBase knowledge) {
		Set<String> declared = new HashSet<>();
		for (String document : knowledge.tree().propertyNames()) {
			knowledge.document(document)
				.path("assumptions")
				.propertyNames()
				.forEach((id) -> declared.add("assumption:" + id));
			knowledge.document(document)
				.path("references")
				.propertyNames()
				.forEach((id) -> declared.add("reference:" + id));
		}
		return declared;
	}

}
