package dev.stackplan.contracts.event;

/** A change to a request that cannot be planned as asked. */
public enum PlanOptionKind {

	EXTEND_TIMELINE, CUT_FEATURES, RAISE_BUDGET

}
