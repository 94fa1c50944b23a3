package dev.stackplan.gateway.scenario;

import dev.stackplan.kit.ProblemException;
import dev.stackplan.kit.ProblemKind;

/** A cancel came for a scenario that is already final. */
class ScenarioFinishedException extends ProblemException {

	ScenarioFinishedException(ScenarioStatus status) {
		super(ProblemKind.SCENARIO_FINISHED,
				"The scenario is " + status + "; only a COUNTING or RUNNING scenario can be cancelled");
	}

}
