package dev.stackplan.contracts.event;

/** Whether full-time hires could work on the plan within its timeline. */
public enum FullTimeStatus {

	/** A hire's first commit comes within the timeline. */
	CAN_START_IN_TIME,

	/**
	 * The time to fill plus the onboarding reach past the timeline: no hire commits
	 * before the plan is due, so full-time is not a way to deliver it.
	 */
	FIRST_COMMIT_PAST_TIMELINE

}
