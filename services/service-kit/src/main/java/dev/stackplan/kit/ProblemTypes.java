package dev.stackplan.kit;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Problem {@code type} URIs. They are relative ({@code /problems/<name>}): resolved
 * against the public API they name a page the gateway serves, so every type a client
 * meets can be opened. A problem with no more specific type is named after its HTTP
 * status ({@code /problems/not-found}, {@code /problems/method-not-allowed}).
 */
public final class ProblemTypes {

	/** Where the gateway serves one page per problem type. */
	public static final String PREFIX = "/problems/";

	private ProblemTypes() {
	}

	public static URI of(String name) {
		return URI.create(PREFIX + name);
	}

	/** The type of a problem that has nothing more to say than its status. */
	public static URI forStatus(HttpStatusCode status) {
		return of(nameOf(status));
	}

	/**
	 * {@code 415} is {@code unsupported-media-type}; an unknown code is
	 * {@code http-<code>}.
	 */
	public static String nameOf(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.name().toLowerCase().replace('_', '-') : "http-" + status.value();
	}

	/** The reason phrase of a status, as a problem title. */
	public static String titleOf(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "HTTP " + status.value();
	}

}
