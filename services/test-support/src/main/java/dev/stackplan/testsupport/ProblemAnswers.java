package dev.stackplan.testsupport;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a web slice asserts of a refused request: a 400 RFC 9457 problem of the expected
 * type whose body names no class, library or internal path
 * ({@link HostileRequests#leaks}).
 */
public final class ProblemAnswers {

	/**
	 * A class named with its package, e.g. {@code dev.stackplan.Foo}, even all capitals.
	 */
	private static final String QUALIFIED_NAME = "[a-z]+\\.[a-z]+\\.[A-Z]\\w+";

	private ProblemAnswers() {
	}

	/** The body of the 400 problem of this {@code type}, checked for leaks. */
	public static String badRequest(WebTestClient.ResponseSpec response, String type) {
		return badRequest(response, type, null);
	}

	/**
	 * The same, for a service whose own path may stand as the problem's {@code instance}
	 * (intake's, which the gateway replaces with the public one).
	 */
	public static String badRequest(WebTestClient.ResponseSpec response, String type, @Nullable String ownPath) {
		String body = response.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"type\":\"" + type + "\"");
		return leakFree(body, ownPath);
	}

	/**
	 * The body, which names no class, library or internal path; but {@code ownPath} may
	 * stand as its {@code instance}.
	 */
	public static String leakFree(String body, @Nullable String ownPath) {
		String judged = (ownPath != null) ? body.replace("\"instance\":\"" + ownPath + "\"", "") : body;
		assertThat(judged).doesNotContainPattern(QUALIFIED_NAME);
		assertThat(HostileRequests.leaks(judged)).isEmpty();
		return body;
	}

}
