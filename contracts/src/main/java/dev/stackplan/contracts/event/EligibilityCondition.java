package dev.stackplan.contracts.event;

import org.jspecify.annotations.Nullable;

/**
 * What makes an option eligible that the team as it stands does not: the option may be
 * recommended, on this condition.
 *
 * @param text the condition and why, e.g. book a senior who owns the boundary
 * @param source where the condition comes from
 * @param bookedRole the staffing role the plan books to meet it (the prefix of that
 * role's cost line items in the option's estimate), so its price can be shown beside it;
 * null when meeting it books nobody
 */
public record EligibilityCondition(String text, String source, @Nullable String bookedRole) {

}
