package dev.stackplan.costing.engine;

/**
 * The on-demand seniority tiers; their rates and salaries are data, the ladder is not.
 */
enum Tier {

	MID(false), SENIOR(true), LEAD(true);

	private final boolean seniorOrAbove;

	Tier(boolean seniorOrAbove) {
		this.seniorOrAbove = seniorOrAbove;
	}

	/** Whether an engineer of this tier can take a seat that needs a senior. */
	boolean seniorOrAbove() {
		return this.seniorOrAbove;
	}

}
