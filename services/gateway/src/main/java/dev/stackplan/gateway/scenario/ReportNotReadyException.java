package dev.stackplan.gateway.scenario;

import dev.stackplan.kit.ProblemException;
import dev.stackplan.kit.ProblemKind;

/** A report asked for before its scenario is complete; the detail says how far it is. */
class ReportNotReadyException extends ProblemException {

	ReportNotReadyException(ScenarioRow row) {
		super(ProblemKind.REPORT_NOT_READY, "The scenario is " + row.status() + " (" + row.processed() + " of "
				+ ((row.total() != null) ? row.total() : "?") + " plans); its report appears when it is complete");
	}

}
