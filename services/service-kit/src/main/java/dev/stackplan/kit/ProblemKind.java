package dev.stackplan.kit;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every problem the services answer with that has more to say than its HTTP status: its
 * status and title, and its type ({@code /problems/<name>}, named after the constant).
 * Each has a page the gateway serves; a problem that is only its status is named by
 * {@link ProblemTypes#forStatus}.
 */
public enum ProblemKind {

	ANALYSTS_ONLY(HttpStatus.FORBIDDEN, "Forbidden"),

	BAD_REQUEST(HttpStatus.BAD_REQUEST, "Bad request"),

	BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Body too large"),

	/** The broker did not acknowledge a plan request. */
	BROKER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Plan not accepted"),

	HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Headers too large"),

	IDEMPOTENCY_KEY_IN_FLIGHT(HttpStatus.CONFLICT, "Request in flight"),

	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused"),

	INTAKE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Plan not accepted"),

	INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "Invalid parameter"),

	INVALID_PLAN_REQUEST(HttpStatus.BAD_REQUEST, "Invalid plan request"),

	INVALID_SCENARIO(HttpStatus.BAD_REQUEST, "Invalid scenario"),

	MALFORMED_JSON(HttpStatus.BAD_REQUEST, "Malformed JSON"),

	PLAN_NOT_FOUND(HttpStatus.NOT_FOUND, "Plan not found"),

	PLANNER_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "Planner busy"),

	RATE_LIMIT_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Rate limit unavailable"),

	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),

	REPORT_NOT_READY(HttpStatus.CONFLICT, "Report not ready"),

	REQUEST_REJECTED(HttpStatus.BAD_REQUEST, "Request rejected"),

	SCENARIO_FINISHED(HttpStatus.CONFLICT, "Scenario already finished"),

	SCENARIO_NOT_FOUND(HttpStatus.NOT_FOUND, "Scenario not found"),

	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Unauthorized");

	/** The title of a dependency's problem ({@link #unavailable}). */
	static final String UNAVAILABLE_TITLE = "Service unavailable";

	private final HttpStatus status;

	private final String title;

	ProblemKind(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	/** {@code INVALID_PLAN_REQUEST} is {@code /problems/invalid-plan-request}. */
	public URI type() {
		return ProblemTypes.of(name().toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	/** This problem, saying why in {@code detail}. */
	public ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, detail);
		problem.setType(type());
		problem.setTitle(this.title);
		return problem;
	}

	/**
	 * The problem of a request refused because a dependency is away:
	 * {@code /problems/<dependency>-unavailable}, 503.
	 */
	public static ProblemDetail unavailable(Dependency dependency, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setType(ProblemTypes.of(dependency.healthName() + "-unavailable"));
		problem.setTitle(UNAVAILABLE_TITLE);
		return problem;
	}

}
