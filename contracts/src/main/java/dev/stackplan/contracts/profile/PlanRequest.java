package dev.stackplan.contracts.profile;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A startup's product profile as accepted by intake: validated and normalised.
 *
 * @param product the product
 * @param team the in-house team today
 * @param timelineWeeks weeks until the plan must be delivered
 * @param budgetUsd optional budget in US dollars
 */
public record PlanRequest(ProductProfile product, Team team, int timelineWeeks, @Nullable BigDecimal budgetUsd) {

}
