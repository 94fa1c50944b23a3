package dev.stackplan.contracts.event;

/**
 * Where a plan stands. A plan is PENDING until both halves arrive (COMPLETE), a half is
 * missing because the service that owes it is down or gave up (PARTIAL), or both are
 * (FAILED).
 */
public enum PlanStatus {

	/** Waiting for a half. */
	PENDING,

	/** Both halves are in. */
	COMPLETE,

	/** One half is missing, with the reason; a late half still completes the plan. */
	PARTIAL,

	/** Both halves are missing. */
	FAILED;

	/**
	 * After this the plan never changes again. PARTIAL is not final: a late half still
	 * completes it.
	 * @return whether the plan is COMPLETE or FAILED
	 */
	public boolean isFinal() {
		return this == COMPLETE || this == FAILED;
	}

	/**
	 * The plan has an outcome a client can use, final or not.
	 * @return whether the plan is anything but PENDING
	 */
	public boolean isSettled() {
		return this != PENDING;
	}

}
