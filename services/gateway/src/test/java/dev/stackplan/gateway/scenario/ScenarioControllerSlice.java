package dev.stackplan.gateway.scenario;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the web slices of the scenario controller share: the client and the controller's
 * collaborators as mocks (the store, the runner and the log have tests of their own).
 */
abstract class ScenarioControllerSlice {

	/** The analyst of application.yml's local clients. */
	static final String ANALYST_KEY = "analyst-key";

	@Autowired
	WebTestClient client;

	@MockitoBean
	ScenarioRepository scenarios;

	@MockitoBean
	ScenarioRunner runner;

	@MockitoBean
	PlanLog log;

}
