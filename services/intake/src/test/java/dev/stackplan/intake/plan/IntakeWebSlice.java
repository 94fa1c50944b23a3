package dev.stackplan.intake.plan;

import dev.stackplan.intake.IntakeProperties;
import dev.stackplan.kit.PlanEventPublisher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What intake's web slices share: the client, intake's settings, and the plan
 * controller's collaborators as mocks (the publisher, the idempotency keys and the
 * backpressure have tests of their own, against a real broker and database).
 */
abstract class IntakeWebSlice {

	@Autowired
	WebTestClient client;

	@Autowired
	IntakeProperties properties;

	@MockitoBean
	PlanEventPublisher publisher;

	@MockitoBean
	IdempotencyKeys keys;

	@MockitoBean
	PipelineBackpressure backpressure;

}
