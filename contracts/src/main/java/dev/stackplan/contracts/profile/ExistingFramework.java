package dev.stackplan.contracts.profile;

/** The framework an existing code base is already on, if any. */
public enum ExistingFramework {

	NONE, DJANGO, FASTAPI

}
