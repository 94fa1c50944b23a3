package dev.stackplan.contracts.topic;

/**
 * Topic names as compile-time constants, for annotations such as {@code @KafkaListener}.
 * {@link PlanEvent} ties each to its event type; use it everywhere else.
 */
public final class Topics {

	public static final String PLAN_REQUESTED = "plan.requested";

	public static final String FRAMEWORK_SCORED = "framework.scored";

	public static final String COST_ESTIMATED = "cost.estimated";

	public static final String PLAN_ASSEMBLED = "plan.assembled";

	public static final String SCENARIO_REQUESTED = "scenario.requested";

	public static final String SCENARIO_SCORED = "scenario.scored";

	public static final String SCENARIO_ESTIMATED = "scenario.estimated";

	private Topics() {
	}

}
