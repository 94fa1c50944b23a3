package dev.stackplan.contracts.topic;

/**
 * The consumer groups of every listener, beside the topics they read. Those of the plan
 * pipeline matter beyond their listeners: intake watches their backlog to refuse work it
 * could not finish in time, and the gateway watches whether they are alive before it
 * calls a missing half a failure.
 */
public final class ConsumerGroups {

	/** Scoring's group on {@link Topics#PLAN_REQUESTED}. */
	public static final String SCORING = "scoring";

	/** Costing's group on {@link Topics#PLAN_REQUESTED}. */
	public static final String COSTING = "costing";

	/**
	 * The gateway's read-model group on the three plan topics and on the dead letters of
	 * {@link Topics#PLAN_REQUESTED}.
	 */
	public static final String GATEWAY = "gateway";

	/** Scoring's group on {@link Topics#SCENARIO_REQUESTED}. */
	public static final String SCORING_SCENARIOS = "scoring-scenarios";

	/** Costing's group on {@link Topics#SCENARIO_REQUESTED}. */
	public static final String COSTING_SCENARIOS = "costing-scenarios";

	/**
	 * The gateway's group on the scenario results and on the dead letters of
	 * {@link Topics#SCENARIO_REQUESTED}.
	 */
	public static final String GATEWAY_SCENARIOS = "gateway-scenarios";

	private ConsumerGroups() {
	}

}
