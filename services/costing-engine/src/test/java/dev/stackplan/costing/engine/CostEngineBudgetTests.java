package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.List;

import dev.stackplan.contracts.event.BudgetFit;
import dev.stackplan.contracts.event.Feasibility;
import dev.stackplan.contracts.event.FeasibilityStatus;
import dev.stackplan.contracts.event.PlanOption;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.Team;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget figures match the schedule actually planned: a lead booked for the first
 * weeks raises the early burn, so dividing the budget by the peak weekly spend
 * understated what a budget pays for.
 */
class CostEngineBudgetTests {

	private static final CostEngine ENGINE = CostFixtures.engine();

	/**
	 * Django, no team, 12 weeks, one feature (4 engineer-weeks): a lead for 1 week
	 * ($2,000) and a mid for 4 ($1,000), trials credited in week 1: $4,800 in all; weeks
	 * cost 1,800, then 1,000 each.
	 */
	@ParameterizedTest(name = "budget {0} -> within {1}, {2} weeks")
	@CsvSource({ "4800, true, 4", "5000, true, 4", "4799.99, false, 3", "1800, false, 1", "1799.99, false, 0",
			"2800, false, 2", "0, false, 0", "1000000, true, 4" })
	void theBudgetPaysForTheScheduleWeekByWeek(BigDecimal budget, boolean within, int weeks) {
		PlanRequest request = CostFixtures.request(List.of(Feature.AUTH), ExistingFramework.NONE, new Team(0, 0), 12,
				budget);

		StaffingEstimate django = CostFixtures.estimate(ENGINE, request, "DJANGO");

		assertThat(django.onDemand().totalUsd()).isEqualByComparingTo("4800");
		assertThat(django.budget().onDemandWithinBudget()).isEqualTo(within);
		assertThat(django.budget().onDemandWeeksAffordable()).isEqualByComparingTo(BigDecimal.valueOf(weeks));
	}

	@Property
	void aPlanThatSaysWithinBudgetFitsItAndAffordsAllItsWeeks(@ForAll("requests") PlanRequest request) {
		for (StaffingEstimate estimate : ENGINE.estimate(request, CostFixtures.OPTIONS)) {
			BudgetFit fit = estimate.budget();
			int planWeeks = estimate.feasibility().deliveryWeeks();
			if (fit.onDemandWithinBudget()) {
				assertThat(estimate.onDemand().totalUsd()).isLessThanOrEqualTo(request.budgetUsd());
				assertThat(fit.onDemandWeeksAffordable()).isEqualByComparingTo(BigDecimal.valueOf(planWeeks));
			}
			else {
				assertThat(fit.onDemandWeeksAffordable()).isLessThan(BigDecimal.valueOf(planWeeks));
			}
		}
	}

	@Property
	void moreBudgetNeverAffordsFewerWeeksOfThePlan(@ForAll("requests") PlanRequest request,
			@ForAll @BigRange(min = "0", max = "100000") BigDecimal more) {
		PlanRequest richer = withMoreBudget(request, more);

		List<StaffingEstimate> before = ENGINE.estimate(request, CostFixtures.OPTIONS);
		List<StaffingEstimate> after = ENGINE.estimate(richer, CostFixtures.OPTIONS);
		for (int i = 0; i < before.size(); i++) {
			assertThat(after.get(i).budget().onDemandWeeksAffordable())
				.isGreaterThanOrEqualTo(before.get(i).budget().onDemandWeeksAffordable());
			assertThat(after.get(i).roles()).isEqualTo(before.get(i).roles());
		}
	}

	/**
	 * The plan a budget can buy delivers at least as many of the requested features when
	 * the budget grows: never fewer, never a worse verdict.
	 */
	@Property
	void moreBudgetNeverYieldsAPlanThatDeliversLess(@ForAll("requests") PlanRequest request,
			@ForAll @BigRange(min = "0", max = "100000") BigDecimal more) {
		PlanRequest richer = withMoreBudget(request, more);

		List<StaffingEstimate> before = ENGINE.estimate(request, CostFixtures.OPTIONS);
		List<StaffingEstimate> after = ENGINE.estimate(richer, CostFixtures.OPTIONS);
		for (int i = 0; i < before.size(); i++) {
			assertThat(after.get(i).feasibility().deliverableFeatures())
				.isGreaterThanOrEqualTo(before.get(i).feasibility().deliverableFeatures());
			if (before.get(i).feasibility().status() == FeasibilityStatus.FEASIBLE) {
				assertThat(after.get(i).feasibility().status()).isEqualTo(FeasibilityStatus.FEASIBLE);
			}
		}
	}

	/**
	 * Within budget means the planned schedule's total fits, and an option that says it
	 * fits delivers within its timeline and budget.
	 */
	@Property
	void aPlanOrOptionThatSaysItFitsItsBudgetDoes(@ForAll("requests") PlanRequest request) {
		for (StaffingEstimate estimate : ENGINE.estimate(request, CostFixtures.OPTIONS)) {
			Feasibility feasibility = estimate.feasibility();
			boolean overBudget = feasibility.status() == FeasibilityStatus.OVER_BUDGET
					|| feasibility.status() == FeasibilityStatus.PAST_TIMELINE_AND_OVER_BUDGET;
			assertThat(overBudget).isEqualTo(estimate.onDemand().totalUsd().compareTo(request.budgetUsd()) > 0);
			assertThat(overBudget).isEqualTo(!estimate.budget().onDemandWithinBudget());
			assertThat(feasibility.options()).filteredOn(PlanOption::fits).allSatisfy((option) -> {
				assertThat(option.onDemandUsd()).isLessThanOrEqualTo(option.budgetUsd());
				assertThat(option.deliveryWeeks()).isLessThanOrEqualTo(option.timelineWeeks());
			});
			assertThat(feasibility.options().isEmpty()).isEqualTo(feasibility.status() == FeasibilityStatus.FEASIBLE);
		}
	}

	@Provide
	Arbitrary<PlanRequest> requests() {
		return new CostEngineInvariantTests().requests().filter((request) -> request.budgetUsd() != null);
	}

	private static PlanRequest withMoreBudget(PlanRequest request, BigDecimal more) {
		return new PlanRequest(request.product(), request.team(), request.timelineWeeks(),
				request.budgetUsd().add(more));
	}

}
