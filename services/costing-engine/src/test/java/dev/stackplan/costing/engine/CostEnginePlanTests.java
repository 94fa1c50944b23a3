package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.List;

import dev.stackplan.contracts.event.Feasibility;
import dev.stackplan.contracts.event.FeasibilityStatus;
import dev.stackplan.contracts.event.PlanOption;
import dev.stackplan.contracts.event.PlanOptionKind;
import dev.stackplan.contracts.event.Role;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.Team;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.stackplan.costing.engine.CostFixtures.estimate;
import static dev.stackplan.costing.engine.CostFixtures.line;
import static dev.stackplan.costing.engine.CostFixtures.request;
import static dev.stackplan.costing.engine.CostFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Staffing as a plan constrained by the timeline and the budget: feature work is effort
 * (three features per engineer per 12 weeks, at most two engineers per feature), the lead
 * phase is a capped share of the delivery, and a plan that cannot fit says so with priced
 * options.
 */
class CostEnginePlanTests {

	private static final CostEngine ENGINE = CostFixtures.engine();

	private static final List<Feature> AUTH_BILLING_ADMIN = List.of(Feature.AUTH, Feature.BILLING, Feature.ADMIN_PANEL);

	/**
	 * Auth, billing and an admin are 12 engineer-weeks: the shorter the timeline, the
	 * more mids, up to two per feature; at 1 week even six take 2 weeks.
	 */
	@ParameterizedTest(name = "{0} weeks: {1} mid(s) for {2} weeks, lead {3} week(s), {4}")
	@CsvSource({ "1, 6, 2, 1, PAST_TIMELINE", "2, 6, 2, 1, FEASIBLE", "4, 3, 4, 1, FEASIBLE", "5, 3, 4, 1, FEASIBLE",
			"12, 1, 12, 2, FEASIBLE", "104, 1, 12, 2, FEASIBLE" })
	void theTimelineSetsTheHandsOnTheSameScope(int timeline, int mids, int weeks, int leadWeeks,
			FeasibilityStatus status) {
		StaffingEstimate django = estimate(ENGINE,
				request(AUTH_BILLING_ADMIN, ExistingFramework.NONE, new Team(0, 0), timeline, null), "DJANGO");

		assertThat(django.roles()).extracting(Role::id, Role::count, Role::weeks)
			.containsExactly(tuple("ARCHITECTURE_LEAD", 1, leadWeeks), tuple("FEATURE_WORK", mids, weeks));
		assertThat(django.feasibility().status()).isEqualTo(status);
		assertThat(django.feasibility().deliveryWeeks()).isEqualTo(weeks);
	}

	@Test
	void scopeThatCannotFitTheTimelineSaysSoAndPricesTheExtension() {
		StaffingEstimate django = estimate(ENGINE,
				request(AUTH_BILLING_ADMIN, ExistingFramework.NONE, new Team(0, 0), 1, null), "DJANGO");

		Feasibility feasibility = django.feasibility();
		assertThat(feasibility.reasons()).singleElement()
			.asString()
			.contains("12 engineer-weeks")
			.contains("at most 6 engineers (2 per feature) they take 2 weeks, 1 week past the 1-week timeline");
		// cutting features does not help: even one feature takes 2 weeks at 2 engineers;
		// two weeks: lead 2,000 - 800, six mids 12,000 - 2,400
		assertThat(feasibility.options())
			.extracting(PlanOption::rank, PlanOption::kind, PlanOption::timelineWeeks, PlanOption::onDemandUsd,
					PlanOption::fits)
			.containsExactly(tuple(1, PlanOptionKind.EXTEND_TIMELINE, 2, usd("10800.00"), true));
		assertThat(feasibility.options().get(0).text()).isEqualTo(
				"Extend the timeline by 1 week(s) to 2: the plan then takes 2 weeks and costs $10,800.00 on demand");
		assertThat(feasibility.deliverableFeatures()).isZero();
	}

	/**
	 * Django, no team, 12 weeks, auth, billing and an admin: a lead for 2 weeks (3,200
	 * after the trial) and a mid for 12 (11,600): $14,800, $4,800 above a $10,000 budget.
	 */
	@Test
	void aPlanAboveItsBudgetGivesTheRankedPricedOptions() {
		StaffingEstimate django = estimate(ENGINE,
				request(AUTH_BILLING_ADMIN, ExistingFramework.NONE, new Team(0, 0), 12, usd("10000")), "DJANGO");

		Feasibility feasibility = django.feasibility();
		assertThat(django.onDemand().totalUsd()).isEqualTo(usd("14800.00"));
		assertThat(feasibility.status()).isEqualTo(FeasibilityStatus.OVER_BUDGET);
		assertThat(feasibility.reasons())
			.containsExactly("The on-demand total $14,800.00 is $4,800.00 above the $10,000.00 budget");
		// one feature left: 4 engineer-weeks, a lead for 1 week: 1,200 + 3,600; two left
		// would be 10,800, still above
		assertThat(feasibility.options())
			.extracting(PlanOption::rank, PlanOption::kind, PlanOption::cutFeatures, PlanOption::budgetUsd,
					PlanOption::onDemandUsd, PlanOption::deliveryWeeks, PlanOption::fits)
			.containsExactly(
					tuple(1, PlanOptionKind.CUT_FEATURES, List.of("BILLING", "ADMIN_PANEL"), usd("10000"),
							usd("4800.00"), 4, true),
					tuple(2, PlanOptionKind.RAISE_BUDGET, List.of(), usd("14800.00"), usd("14800.00"), 12, true));
		assertThat(feasibility.options().get(1).text()).isEqualTo("Raise the budget by $4,800.00 to $14,800.00");
		assertThat(feasibility.deliverableFeatures()).isEqualTo(1);
		assertThat(django.budget().onDemandWithinBudget()).isFalse();
	}

	@Test
	void aPlanWithinItsTimelineAndBudgetIsFeasibleWithNoOptions() {
		StaffingEstimate django = estimate(ENGINE,
				request(AUTH_BILLING_ADMIN, ExistingFramework.NONE, new Team(0, 0), 12, usd("14800")), "DJANGO");

		assertThat(django.feasibility())
			.isEqualTo(new Feasibility(FeasibilityStatus.FEASIBLE, 12, 12, 3, List.of(), List.of()));
		assertThat(django.budget().onDemandWithinBudget()).isTrue();
	}

	/** The lead phase is a quarter of the delivery, capped by the option's decisions. */
	@ParameterizedTest(name = "{0} over {1} weeks: lead {2} week(s)")
	@CsvSource({ "DJANGO, 104, 2", "FASTAPI, 104, 3", "HYBRID, 104, 4", "HYBRID, 52, 4", "HYBRID, 24, 4",
			"FASTAPI, 12, 3" })
	void theLeadPhaseIsCappedWhateverTheTimeline(String option, int timeline, int leadWeeks) {
		List<Feature> six = CostEngineStaffingTests.SIX_FEATURES;
		StaffingEstimate estimate = estimate(ENGINE,
				request(six, ExistingFramework.NONE, new Team(0, 0), timeline, null), option);

		assertThat(estimate.roles()).filteredOn((role) -> role.id().equals("ARCHITECTURE_LEAD"))
			.singleElement()
			.extracting(Role::weeks)
			.isEqualTo(leadWeeks);
	}

	@Test
	void anExistingDjangoAppStayingOnDjangoBooksTwoDaysWithASeniorNotLeadWeeks() {
		PlanRequest midBuild = request(List.of(Feature.AUTH), ExistingFramework.DJANGO, new Team(2, 1), 12, null);

		StaffingEstimate django = estimate(ENGINE, midBuild, "DJANGO");

		assertThat(django.roles()).extracting(Role::id, Role::tier, Role::count, Role::weeks, Role::source)
			.containsExactly(tuple("SENIOR_REVIEW", "SENIOR", 1, 1, "article:44"));
		// one billed week of a senior less the 48-hour trial: 1,500 - 600
		assertThat(line(django, "SENIOR_REVIEW_WEEKS").amountUsd()).isEqualTo(usd("1500.00"));
		assertThat(django.onDemand().totalUsd()).isEqualTo(usd("900.00"));
		assertThat(django.roles().get(0).reason()).containsIgnoringCase("two days with a senior")
			.contains("assumption:REVIEW_BILLED_AS_A_WEEK");
		// leaving Django for FastAPI is not mid-build insurance: the lead phase stays
		assertThat(estimate(ENGINE, midBuild, "FASTAPI").roles()).extracting(Role::id)
			.contains("ARCHITECTURE_LEAD", "MIGRATION_FROM_DJANGO")
			.doesNotContain("SENIOR_REVIEW");
	}

	/**
	 * article:42 plans a quarter for FastAPI to Django; article:47 plans a quarter for
	 * Django to FastAPI, "more if you used the admin heavily".
	 */
	@ParameterizedTest(name = "{0} to {1}, admin {2}: {3} weeks")
	@CsvSource({ "FASTAPI, DJANGO, false, MIGRATION_FROM_FASTAPI, 13",
			"FASTAPI, DJANGO, true, MIGRATION_FROM_FASTAPI, 13", "DJANGO, FASTAPI, false, MIGRATION_FROM_DJANGO, 13",
			"DJANGO, FASTAPI, true, MIGRATION_FROM_DJANGO, 20" })
	void eachMigrationDirectionHasItsOwnEffort(ExistingFramework from, String to, boolean admin, String role,
			int weeks) {
		List<Feature> features = admin ? List.of(Feature.AUTH, Feature.ADMIN_PANEL) : List.of(Feature.AUTH);

		StaffingEstimate estimate = estimate(ENGINE, request(features, from, new Team(0, 0), 26, null), to);

		assertThat(estimate.roles()).filteredOn((r) -> r.id().equals(role))
			.singleElement()
			.extracting(Role::weeks)
			.isEqualTo(weeks);
	}

	@Test
	void aMigrationPastTheTimelineIsFlaggedAndCuttingFeaturesIsNotOffered() {
		PlanRequest twelveWeeks = request(List.of(Feature.AUTH, Feature.BILLING), ExistingFramework.FASTAPI,
				new Team(0, 0), 12, null);

		Feasibility feasibility = estimate(ENGINE, twelveWeeks, "DJANGO").feasibility();

		assertThat(feasibility.status()).isEqualTo(FeasibilityStatus.PAST_TIMELINE);
		assertThat(feasibility.deliveryWeeks()).isEqualTo(13);
		assertThat(feasibility.reasons()).singleElement().asString().startsWith("MIGRATION_FROM_FASTAPI: 13 weeks");
		assertThat(feasibility.options()).extracting(PlanOption::kind).containsExactly(PlanOptionKind.EXTEND_TIMELINE);
	}

	@Test
	void aPlanPastItsTimelineAndAboveItsBudgetPricesEachWay() {
		PlanRequest request = request(AUTH_BILLING_ADMIN, ExistingFramework.NONE, new Team(0, 0), 1, usd("5000"));

		Feasibility feasibility = estimate(ENGINE, request, "DJANGO").feasibility();

		assertThat(feasibility.status()).isEqualTo(FeasibilityStatus.PAST_TIMELINE_AND_OVER_BUDGET);
		assertThat(feasibility.options()).extracting(PlanOption::kind, PlanOption::onDemandUsd, PlanOption::fits)
			.containsExactly(tuple(PlanOptionKind.EXTEND_TIMELINE, usd("10800.00"), false),
					tuple(PlanOptionKind.RAISE_BUDGET, usd("10800.00"), false));
		assertThat(feasibility.options().get(1).text())
			.endsWith("the plan still runs 2 weeks, past the 1-week timeline");
	}

	@Test
	void theInHouseTeamsOwnTimeIsPricedBesideThePlan() {
		// HYBRID, 12 weeks, one in-house mid in the one feature seat for 12 weeks:
		// 120,000 x 1.25 x 12 / 52 and 175,000 x 1.40 x 12 / 52
		StaffingEstimate hybrid = estimate(ENGINE, CostEngineOnDemandTests.HYBRID_TWELVE_WEEKS, "HYBRID");

		assertThat(hybrid.inHouse().engineers()).isEqualTo(1);
		assertThat(hybrid.inHouse().engineerWeeks()).isEqualTo(12);
		assertThat(hybrid.inHouse().loadedUsd().low()).isEqualTo(usd("34615.38"));
		assertThat(hybrid.inHouse().loadedUsd().high()).isEqualTo(usd("56538.46"));
		assertThat(hybrid.inHouse().source()).isEqualTo("assumption:IN_HOUSE_COST");
		assertThat(estimate(ENGINE, request(List.of(), ExistingFramework.NONE, new Team(0, 0), 4, null), "DJANGO")
			.inHouse()
			.loadedUsd()
			.low()).isEqualByComparingTo(BigDecimal.ZERO);
	}

}
