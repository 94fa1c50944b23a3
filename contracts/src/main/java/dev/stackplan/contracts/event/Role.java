package dev.stackplan.contracts.event;

/**
 * One line of a staffing plan.
 *
 * @param tier MID, SENIOR or LEAD
 * @param count how many engineers
 * @param weeks for how many weeks each
 * @param reason why the role is needed
 * @param source where the reason comes from
 * @param id stable id of the staffing rule, the prefix of its cost line items, e.g.
 * BOUNDARY_OWNER
 */
public record Role(String tier, int count, int weeks, String reason, String source, String id) {

}
