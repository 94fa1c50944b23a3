package dev.stackplan.contracts.event;

/** Whether a staffing plan delivers its scope within the timeline and the budget. */
public enum FeasibilityStatus {

	/**
	 * Delivers every requested feature within the timeline and, if one was given, the
	 * budget.
	 */
	FEASIBLE,

	/**
	 * The scope or a migration runs past the timeline even at the most hands the rules
	 * allow.
	 */
	PAST_TIMELINE,

	/** Delivers within the timeline, but its on-demand total is above the budget. */
	OVER_BUDGET,

	/** Both. */
	PAST_TIMELINE_AND_OVER_BUDGET

}
