package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.List;

import dev.stackplan.contracts.event.BudgetFit;
import dev.stackplan.contracts.event.Role;
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
	 * Django, no team, 12 weeks, one feature: a lead for 3 weeks ($2,000) and a mid for
	 * 12 ($1,000), trials credited in week 1: $16,800 in all; weeks cost 1,800, 3,000,
	 * 3,000, then 1,000 each.
	 */
	@ParameterizedTest(name = "budget {0} -> within {1}, {2} weeks")
	@CsvSource({ "16800, true, 12", "17000, true, 12", "16799.99, false, 11", "1800, false, 1", "1799.99, false, 0",
			"7800, false, 3", "0, false, 0", "1000000, true, 12" })
	void theBudgetPaysForTheScheduleWeekByWeek(BigDecimal budget, boolean within, int weeks) {
		PlanRequest request = CostFixtures.request(List.of(Feature.AUTH), ExistingFramework.NONE, new Team(0, 0), 12,
				budget);

		StaffingEstimate django = CostFixtures.estimate(ENGINE, request, "DJANGO");

		assertThat(django.onDemand().totalUsd()).isEqualByComparingTo("16800");
		assertThat(django.budget().onDemandWithinBudget()).isEqualTo(within);
		assertThat(django.budget().onDemandWeeksAffordable()).isEqualByComparingTo(BigDecimal.valueOf(weeks));
	}

	@Property
	void aPlanThatSaysWithinBudgetFitsItAndAffordsAllItsWeeks(@ForAll("requests") PlanRequest request) {
		for (StaffingEstimate estimate : ENGINE.estimate(request, CostFixtures.OPTIONS)) {
			BudgetFit fit = estimate.budget();
			int planWeeks = estimate.roles().stream().mapToInt(Role::weeks).reduce(request.timelineWeeks(), Math::max);
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
		PlanRequest richer = new PlanRequest(request.product(), request.team(), request.timelineWeeks(),
				request.budgetUsd().add(more));

		List<StaffingEstimate> before = ENGINE.estimate(request, CostFixtures.OPTIONS);
		List<StaffingEstimate> after = ENGINE.estimate(richer, CostFixtures.OPTIONS);
		for (int i = 0; i < before.size(); i++) {
			assertThat(after.get(i).budget().onDemandWeeksAffordable())
				.isGreaterThanOrEqualTo(before.get(i).budget().onDemandWeeksAffordable());
			assertThat(after.get(i).roles()).isEqualTo(before.get(i).roles());
		}
	}

	@Provide
	Arbitrary<PlanRequest> requests() {
		return new CostEngineInvariantTests().requests().filter((request) -> request.budgetUsd() != null);
	}

}
