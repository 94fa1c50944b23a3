package dev.stackplan.contracts.event;

/**
 * One line of a staffing plan.
 *
 * @param tier MID, SENIOR or LEAD
 * @param count how many engineers
 * @param weeks for how many weeks each
 * @param reason why the role is needed
 * @param source where the reason comes from
 */
public record Role(String tier, int count, int weeks, String reason, String source) {

}
