package dev.stackplan.kit;

/** What a service cannot work without, each watched in the background. */
public enum Dependency {

	BROKER("broker", "the event broker"), DATABASE("database", "the database");

	private final String healthName;

	private final String description;

	Dependency(String healthName, String description) {
		this.healthName = healthName;
		this.description = description;
	}

	/** Its name among the actuator's health components and in problem types. */
	public String healthName() {
		return this.healthName;
	}

	/** How a sentence for a person names it. */
	public String description() {
		return this.description;
	}

}
