package dev.stackplan.gateway.plan;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the web slices of the plan controller share: the client and the controller's
 * collaborators as mocks (the store, intake, the watcher and the assembler have tests of
 * their own).
 */
abstract class PlanControllerSlice {

	/** One of the local clients of application.yml. */
	static final String DEMO_KEY = "demo-key";

	@Autowired
	WebTestClient client;

	@MockitoBean
	PlanRepository plans;

	@MockitoBean
	IntakeClient intake;

	@MockitoBean
	PlanWatcher watcher;

	@MockitoBean
	PlanAssembler assembler;

}
