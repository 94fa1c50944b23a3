package dev.stackplan.gateway.scenario;

import java.util.Map;

import org.mockito.Mockito;
import org.mockito.stubbing.Answer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Stand-ins for the scenario store, runner and log that find nothing and store nothing,
 * for controller tests outside this package that send many requests: every reactive call
 * completes empty, a dry run counts no plans.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScenarioStubs {

	/** Every {@code Mono} or {@code Flux} a stub returns completes empty. */
	public static final Answer<Object> EMPTY = (invocation) -> {
		Class<?> type = invocation.getMethod().getReturnType();
		if (type == Mono.class) {
			return Mono.empty();
		}
		if (type == Flux.class) {
			return Flux.empty();
		}
		return Mockito.RETURNS_DEFAULTS.answer(invocation);
	};

	@Bean
	ScenarioRepository scenarioRepository() {
		return Mockito.mock(ScenarioRepository.class, EMPTY);
	}

	@Bean
	ScenarioRunner scenarioRunner() {
		return Mockito.mock(ScenarioRunner.class, EMPTY);
	}

	@Bean
	PlanLog planLog() {
		PlanLog log = Mockito.mock(PlanLog.class, EMPTY);
		Mockito.when(log.count(Mockito.any())).thenReturn(new PlanLog.Scan(0, null, null, Map.of()));
		return log;
	}

}
