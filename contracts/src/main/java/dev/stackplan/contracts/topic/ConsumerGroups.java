package dev.stackplan.contracts.topic;

/**
 * The consumer groups of the production pipeline, beside the topics they read: intake
 * watches their backlog to refuse work it could not finish in time, and the gateway
 * watches whether they are alive before it calls a missing half a failure.
 */
public final class ConsumerGroups {

	/** Scoring's group on {@link Topics#PLAN_REQUESTED}. */
	public static final String SCORING = "scoring";

	/** Costing's group on {@link Topics#PLAN_REQUESTED}. */
	public static final String COSTING = "costing";

	/** The gateway's read-model group on the three plan topics. */
	public static final String GATEWAY = "gateway";

	private ConsumerGroups() {
	}

}
