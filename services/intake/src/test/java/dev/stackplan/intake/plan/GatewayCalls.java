package dev.stackplan.intake.plan;

import dev.stackplan.contracts.intake.IntakeApi;
import dev.stackplan.intake.IntakeProperties;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Plan requests posted to intake the way the gateway posts them. */
final class GatewayCalls {

	/** A valid request body, as a client sends it. */
	static final String VALID_REQUEST = """
			{"product": {"name": "Acme", "kind": "SAAS", "features": ["AUTH"], "expectedRps": 10},
			 "team": {"engineers": 1}, "timelineWeeks": 12}
			""";

	private GatewayCalls() {
	}

	/** A JSON post to intake's plan requests that carries the gateway's token. */
	static WebTestClient.RequestBodySpec planRequest(WebTestClient client, IntakeProperties properties) {
		return client.post()
			.uri(IntakeApi.PLAN_REQUESTS)
			.header(IntakeApi.INTERNAL_TOKEN_HEADER, properties.internalToken())
			.contentType(MediaType.APPLICATION_JSON);
	}

}
