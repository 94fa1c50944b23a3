package dev.stackplan.gateway.scenario;

/** Where a scenario is; the stored value is the name. */
enum ScenarioStatus {

	/** Reading the log to count the requests it replays. */
	COUNTING,

	/** Replaying; results are coming back. */
	RUNNING,

	/** Every replayed plan is back; the report is ready. */
	COMPLETE,

	/** Stopped for the reason in {@code failure}. */
	FAILED,

	/** An analyst stopped it. */
	CANCELLED;

	/** Whether a gateway still has work to do on it. */
	boolean unfinished() {
		return this == COUNTING || this == RUNNING;
	}

}
