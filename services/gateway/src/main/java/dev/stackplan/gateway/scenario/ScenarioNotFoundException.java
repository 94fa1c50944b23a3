package dev.stackplan.gateway.scenario;

import java.util.UUID;

import dev.stackplan.kit.ProblemException;
import dev.stackplan.kit.ProblemKind;

/**
 * No scenario of this id belongs to the calling analyst: another analyst's is not found
 * either.
 */
class ScenarioNotFoundException extends ProblemException {

	ScenarioNotFoundException(UUID scenarioId) {
		super(ProblemKind.SCENARIO_NOT_FOUND, "No scenario " + scenarioId + " belongs to this API key");
	}

}
