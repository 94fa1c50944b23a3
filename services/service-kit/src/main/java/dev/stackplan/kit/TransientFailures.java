package dev.stackplan.kit;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that passes when a dependency comes back (a timeout, a refused or cut
 * connection, a broker error the client itself calls retriable) from one that would fail
 * again on the same record. Classes of optional libraries (R2DBC, Spring Data) are known
 * by name, so services without them load this class too.
 */
public final class TransientFailures {

	private static final Set<String> TRANSIENT_BY_NAME = Set.of("io.r2dbc.spi.R2dbcTransientException",
			"io.r2dbc.spi.R2dbcTransientResourceException", "io.r2dbc.spi.R2dbcNonTransientResourceException",
			"io.r2dbc.spi.R2dbcTimeoutException", "org.springframework.dao.TransientDataAccessException",
			"org.springframework.dao.DataAccessResourceFailureException",
			"org.springframework.dao.QueryTimeoutException", "org.apache.kafka.common.errors.RetriableException");

	private TransientFailures() {
	}

	public static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof TimeoutException || cause instanceof IOException
					|| cause instanceof DependencyUnavailableException || isKnownTransient(cause.getClass())) {
				return true;
			}
			if (cause instanceof IllegalStateException && cause.getMessage() != null
					&& cause.getMessage().startsWith("Timeout on blocking read")) {
				// Reactor's block(timeout) says so in words
				return true;
			}
		}
		return false;
	}

	private static boolean isKnownTransient(Class<?> type) {
		for (Class<?> current = type; current != null; current = current.getSuperclass()) {
			if (TRANSIENT_BY_NAME.contains(current.getName())) {
				return true;
			}
		}
		return false;
	}

}
