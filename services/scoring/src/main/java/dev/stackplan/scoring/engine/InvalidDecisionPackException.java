package dev.stackplan.scoring.engine;

/**
 * A decision pack that cannot be scored with: missing fields, unknown ids, bad sources.
 */
public class InvalidDecisionPackException extends IllegalArgumentException {

	InvalidDecisionPackException(String pack, String pointer, String problem) {
		super("Invalid decision pack '" + pack + "' at " + (pointer.isEmpty() ? "/" : pointer) + ": " + problem);
	}

}
