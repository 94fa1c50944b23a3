package dev.stackplan.contracts.intake;

/**
 * How the gateway calls intake: it posts the client's body as it came to
 * {@link #PLAN_REQUESTS}, proves it is the gateway with {@link #INTERNAL_TOKEN_HEADER},
 * names the authenticated client in {@link #CLIENT_HEADER}, and reads a
 * {@link PlanAccepted} with {@link #REQUESTED_AT_HEADER} (or {@link #REPLAYED_HEADER} on
 * a replay) from a 202.
 */
public final class IntakeApi {

	/** Where intake takes plan requests. */
	public static final String PLAN_REQUESTS = "/internal/v1/plan-requests";

	/**
	 * The shared secret that proves the call comes from the gateway; without it intake
	 * trusts no {@link #CLIENT_HEADER}.
	 */
	public static final String INTERNAL_TOKEN_HEADER = "X-Stackplan-Internal-Token";

	/** The client the gateway authenticated. */
	public static final String CLIENT_HEADER = "X-Stackplan-Client";

	/**
	 * When intake accepted a new request, as the event says: the gateway files the plan
	 * under this time from the start, so the plan's place in a list never moves when the
	 * event arrives. Absent on a replay, whose plan is already filed.
	 */
	public static final String REQUESTED_AT_HEADER = "X-Stackplan-Requested-At";

	/** Intake's mark of an answer replayed for a repeated idempotency key. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private IntakeApi() {
	}

}
