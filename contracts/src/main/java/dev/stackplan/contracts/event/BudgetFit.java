package dev.stackplan.contracts.event;

import java.math.BigDecimal;

/**
 * How the on-demand plan fits the budget.
 *
 * @param budgetUsd the budget given
 * @param onDemandWithinBudget whether the on-demand total fits
 * @param onDemandWeeksAffordable how many weeks of the planned schedule the budget pays
 * for, week by week; all of them when the on-demand total fits
 * @param fullTimeWithinBudget whether even the high full-time total fits
 */
public record BudgetFit(BigDecimal budgetUsd, boolean onDemandWithinBudget, BigDecimal onDemandWeeksAffordable,
		boolean fullTimeWithinBudget) {

}
