package dev.stackplan.kit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ProblemDetail;

/**
 * A request refused with a {@link ProblemKind}: thrown (or {@code Mono.error}ed) by a
 * controller, answered by the service's advice ({@link ProblemAdvice}), or by
 * {@link ProblemWebExceptionHandler} if it escapes from anywhere else. The message is the
 * problem's {@code detail}.
 */
public class ProblemException extends RuntimeException {

	private final ProblemKind kind;

	private final Map<String, Object> properties;

	private final @Nullable Duration retryAfter;

	public ProblemException(ProblemKind kind, String detail) {
		this(kind, detail, Map.of(), null, null);
	}

	/** A refusal naming each refused field in {@code errors}. */
	public ProblemException(ProblemKind kind, String detail, List<FieldViolation> errors) {
		this(kind, detail, Map.of("errors", List.copyOf(errors)), null, null);
	}

	/**
	 * @param kind the problem
	 * @param detail why, for a person
	 * @param properties members of the problem beyond RFC 9457's, such as {@code errors},
	 * in their order
	 * @param retryAfter when to retry, sent as {@code Retry-After}
	 * @param cause what failed underneath, for the log
	 */
	public ProblemException(ProblemKind kind, String detail, Map<String, ?> properties, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		super(detail, cause);
		this.kind = kind;
		this.properties = new LinkedHashMap<>(properties);
		this.retryAfter = retryAfter;
	}

	public ProblemKind kind() {
		return this.kind;
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** The answer's body; its {@code instance} is the request's path, set on writing. */
	public ProblemDetail problem() {
		ProblemDetail problem = this.kind.problem(getMessage());
		this.properties.forEach(problem::setProperty);
		return problem;
	}

}
