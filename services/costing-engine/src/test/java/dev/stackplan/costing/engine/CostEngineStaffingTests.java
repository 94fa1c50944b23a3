package dev.stackplan.costing.engine;

import java.math.RoundingMode;
import java.util.List;

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

import static dev.stackplan.costing.engine.CostFixtures.estimate;
import static dev.stackplan.costing.engine.CostFixtures.line;
import static dev.stackplan.costing.engine.CostFixtures.request;
import static dev.stackplan.costing.engine.CostFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;

/** Who is booked for which option, from the staffing rules, the product and the team. */
class CostEngineStaffingTests {

	static final List<Feature> SIX_FEATURES = List.of(Feature.AUTH, Feature.BILLING, Feature.ADMIN_PANEL, Feature.CMS,
			Feature.ASYNC_FANOUT, Feature.ML_INFERENCE);

	@Test
	void withNoTeamEachOptionBooksItsLeadAndItsSeatsPerTheRules() {
		PlanRequest sixFeatures = request(SIX_FEATURES, ExistingFramework.NONE, new Team(0, 0), 10, null);

		List<StaffingEstimate> estimates = CostFixtures.engine().estimate(sixFeatures, CostFixtures.OPTIONS);

		assertThat(estimates).extracting(StaffingEstimate::option).containsExactlyElementsOf(CostFixtures.OPTIONS);
		// six features at three per engineer per 12 weeks: 24 engineer-weeks, so
		// ceil(24 / 10) = 3 mids deliver them in 8 weeks; the lead takes ceil(8 / 4) = 2
		assertThat(estimates.get(0).roles()).extracting(Role::id, Role::tier, Role::count, Role::weeks)
			.containsExactly(tuple("ARCHITECTURE_LEAD", "LEAD", 1, 2), tuple("FEATURE_WORK", "MID", 3, 8));
		assertThat(estimates.get(1).roles()).extracting(Role::id, Role::tier, Role::count, Role::weeks)
			.containsExactly(tuple("ARCHITECTURE_LEAD", "LEAD", 1, 2), tuple("CODE_OWNER", "SENIOR", 1, 8),
					tuple("FEATURE_WORK", "MID", 3, 8));
		assertThat(estimates.get(2).roles()).extracting(Role::id, Role::tier, Role::count, Role::weeks)
			.containsExactly(tuple("ARCHITECTURE_LEAD", "LEAD", 1, 2), tuple("BOUNDARY_OWNER", "SENIOR", 1, 8),
					tuple("FEATURE_WORK", "MID", 3, 8));
		assertThat(estimates.get(2).roles()).extracting(Role::source)
			.containsExactly("article:36", "article:36", "article:50");
	}

	@Test
	void inHouseSeniorsTakeSeniorSeatsFirstAndEveryoneLeftTakesFeatureSeats() {
		// 4 engineers, 1 senior: the senior owns the boundary, the other three take the
		// three feature seats; only the lead is booked
		PlanRequest team = request(SIX_FEATURES, ExistingFramework.NONE, new Team(4, 1), 10, null);

		StaffingEstimate hybrid = estimate(CostFixtures.engine(), team, "HYBRID");

		assertThat(hybrid.roles()).extracting(Role::id).containsExactly("ARCHITECTURE_LEAD");
	}

	@Test
	void aPartlyFilledRoleBooksTheRestAndSaysSo() {
		PlanRequest oneEngineer = request(SIX_FEATURES, ExistingFramework.NONE, new Team(1, 0), 10, null);

		StaffingEstimate django = estimate(CostFixtures.engine(), oneEngineer, "DJANGO");

		assertThat(django.roles()).extracting(Role::id, Role::count)
			.containsExactly(tuple("ARCHITECTURE_LEAD", 1), tuple("FEATURE_WORK", 2));
		assertThat(django.roles().get(1).reason()).contains("1 of the 3 filled by the in-house team")
			.contains("assumption:IN_HOUSE_FILLS_SEATS")
			.contains("assumption:FEATURE_LOAD");
	}

	@Test
	void aHybridIsNeverStaffedWithFewerThanTwoEngineersIncludingASenior() {
		CostEngine engine = CostFixtures.engine();
		for (int engineers = 0; engineers <= 5; engineers++) {
			for (int seniors = 0; seniors <= engineers; seniors++) {
				for (int timeline : new int[] { 1, 3, 4, 12, 40 }) {
					for (List<Feature> features : List.of(List.<Feature>of(), SIX_FEATURES)) {
						PlanRequest plan = request(features, ExistingFramework.FASTAPI, new Team(engineers, seniors),
								timeline, null);
						assertHybridTeam(estimate(engine, plan, "HYBRID"), engineers, seniors);
					}
				}
			}
		}
	}

	@Test
	void aHybridWhoseRulesNoLongerBookASeniorIsToppedUpWithOne() {
		CostEngine boundaryByAMid = CostFixtures
			.engine("{\"staffing\":{\"HYBRID\":{\"roles\":{\"BOUNDARY_OWNER\":{\"tier\":\"MID\"}}}}}");
		PlanRequest twoMids = request(List.of(), ExistingFramework.NONE, new Team(2, 0), 8, null);

		StaffingEstimate hybrid = estimate(boundaryByAMid, twoMids, "HYBRID");

		// no feature listed: one feature's worth, 4 engineer-weeks, is the delivery
		assertThat(hybrid.roles()).extracting(Role::id, Role::tier, Role::count, Role::weeks)
			.contains(tuple("MINIMUM_TEAM_SENIOR", "SENIOR", 1, 4));
		assertThat(hybrid.roles().get(hybrid.roles().size() - 1).source()).isEqualTo("inference:36");
		assertHybridTeam(hybrid, 2, 0);
	}

	@Test
	void aHybridWhoseMinimumTeamIsRaisedIsToppedUpForTheWholeDelivery() {
		CostEngine threeAtLeast = CostFixtures
			.engine("{\"staffing\":{\"HYBRID\":{\"minimumTeam\":{\"engineers\":3}}}}");
		PlanRequest noTeam = request(List.of(), ExistingFramework.NONE, new Team(0, 0), 8, null);

		StaffingEstimate hybrid = estimate(threeAtLeast, noTeam, "HYBRID");

		assertThat(hybrid.roles()).extracting(Role::id, Role::tier, Role::count, Role::weeks)
			.containsExactly(tuple("ARCHITECTURE_LEAD", "LEAD", 1, 1), tuple("BOUNDARY_OWNER", "SENIOR", 1, 4),
					tuple("FEATURE_WORK", "MID", 1, 4), tuple("MINIMUM_TEAM_ENGINEER", "MID", 1, 4));
	}

	@Test
	void migratingAnExistingFastApiAppToDjangoAddsOneSeniorForAQuarter() {
		CostEngine engine = CostFixtures.engine();
		PlanRequest fresh = request(List.of(Feature.AUTH), ExistingFramework.NONE, new Team(0, 0), 20, null);
		PlanRequest fromFastApi = request(List.of(Feature.AUTH), ExistingFramework.FASTAPI, new Team(0, 0), 20, null);

		StaffingEstimate migrating = estimate(engine, fromFastApi, "DJANGO");

		assertThat(migrating.roles()).extracting(Role::id, Role::tier, Role::count, Role::weeks, Role::source)
			.contains(tuple("MIGRATION_FROM_FASTAPI", "SENIOR", 1, 13, "article:42"));
		// 13 engineer-weeks at 1,500, less one trial credit of 600
		assertThat(migrating.onDemand().totalUsd().subtract(estimate(engine, fresh, "DJANGO").onDemand().totalUsd()))
			.isEqualTo(usd("18900.00"));
		assertThat(line(migrating, "MIGRATION_FROM_FASTAPI_WEEKS").amountUsd()).isEqualTo(usd("19500.00"));
		assertThat(estimate(engine, fromFastApi, "HYBRID").roles()).extracting(Role::id)
			.doesNotContain("MIGRATION_FROM_FASTAPI");
		assertThat(estimate(engine, fresh, "DJANGO").roles()).extracting(Role::id)
			.doesNotContain("MIGRATION_FROM_FASTAPI");
	}

	@Test
	void aMigrationLongerThanTheTimelineRunsPastItInsteadOfBeingSplit() {
		PlanRequest eightWeeks = request(List.of(), ExistingFramework.FASTAPI, new Team(0, 0), 8, null);

		StaffingEstimate django = estimate(CostFixtures.engine(), eightWeeks, "DJANGO");

		assertThat(django.roles()).extracting(Role::id, Role::count, Role::weeks)
			.contains(tuple("MIGRATION_FROM_FASTAPI", 1, 13));
		assertThat(django.roles().get(2).reason()).contains("5 weeks past the 8-week timeline");
		assertThat(django.feasibility().status()).isEqualTo(FeasibilityStatus.PAST_TIMELINE);
		assertThat(django.feasibility().reasons())
			.containsExactly("MIGRATION_FROM_FASTAPI: 13 weeks, 5 weeks past the 8-week timeline"
					+ " (assumption:MIGRATION_QUARTER)");
		assertThat(django.feasibility().options()).extracting(PlanOption::kind, PlanOption::timelineWeeks)
			.containsExactly(tuple(PlanOptionKind.EXTEND_TIMELINE, 13));
		// the plan runs 13 weeks: the effective weekly cost spreads the total over them
		assertThat(django.onDemand().effectiveWeeklyUsd())
			.isEqualTo(django.onDemand().totalUsd().divide(usd("13"), 2, RoundingMode.HALF_EVEN));
	}

	@Test
	void anExistingDjangoAppMovingToFastApiAddsItsMigration() {
		PlanRequest fromDjango = request(List.of(), ExistingFramework.DJANGO, new Team(0, 0), 26, null);

		assertThat(estimate(CostFixtures.engine(), fromDjango, "FASTAPI").roles())
			.extracting(Role::id, Role::count, Role::weeks, Role::source)
			.contains(tuple("MIGRATION_FROM_DJANGO", 1, 13, "article:47"));
	}

	@Test
	void anOptionWithoutStaffingRulesFailsNamingIt() {
		PlanRequest plan = request(List.of(), ExistingFramework.NONE, new Team(0, 0), 8, null);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> CostFixtures.engine().estimate(plan, List.of("DJANGO", "RAILS")))
			.withMessageContaining("'RAILS'")
			.withMessageContaining("[DJANGO, FASTAPI, HYBRID]");
	}

	@Test
	void aRequestTheEngineCannotPlanFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> CostFixtures.engine()
			.estimate(request(List.of(), ExistingFramework.NONE, new Team(0, 0), 0, null), CostFixtures.OPTIONS));
		assertThatIllegalArgumentException().isThrownBy(() -> CostFixtures.engine()
			.estimate(request(List.of(), ExistingFramework.NONE, new Team(1, 2), 4, null), CostFixtures.OPTIONS));
		assertThatIllegalArgumentException().isThrownBy(() -> CostFixtures.engine()
			.estimate(request(List.of(), ExistingFramework.NONE, new Team(1, 0), 4, usd("-1")), CostFixtures.OPTIONS));
	}

	/** Six features, an existing FastAPI app and no in-house team: the most roles. */
	static PlanRequest sixFeaturesMigratingFromFastApi() {
		return request(SIX_FEATURES, ExistingFramework.FASTAPI, new Team(0, 0), 16, null);
	}

	/** In-house engineers plus the engineers booked for at least the whole delivery. */
	static void assertHybridTeam(StaffingEstimate hybrid, int inHouse, int inHouseSeniors) {
		int engineers = inHouse;
		int seniors = inHouseSeniors;
		for (Role role : hybrid.roles()) {
			if (role.weeks() >= hybrid.feasibility().deliveryWeeks()) {
				engineers += role.count();
				seniors += role.tier().equals("MID") ? 0 : role.count();
			}
		}
		assertThat(engineers).as("engineers on the whole timeline of %s", hybrid.roles()).isGreaterThanOrEqualTo(2);
		assertThat(seniors).as("seniors on the whole timeline of %s", hybrid.roles()).isGreaterThanOrEqualTo(1);
	}

}
