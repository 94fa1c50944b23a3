package dev.stackplan.gateway;

import java.util.Optional;

import dev.stackplan.contracts.topic.ConsumerGroups;

/**
 * The two halves of a plan (stored in the column of that name, in plans and in scenario
 * results) and the service that owes each.
 */
public enum Half {

	STACK("stack", ConsumerGroups.SCORING), COSTS("costs", ConsumerGroups.COSTING);

	private final String column;

	private final String service;

	Half(String column, String service) {
		this.column = column;
		this.service = service;
	}

	public String column() {
		return this.column;
	}

	public String service() {
		return this.service;
	}

	public Half other() {
		return (this == STACK) ? COSTS : STACK;
	}

	/** The half a consumer group owes, by its group id. */
	public static Optional<Half> ofService(String service) {
		for (Half half : values()) {
			if (half.service.equals(service)) {
				return Optional.of(half);
			}
		}
		return Optional.empty();
	}

}
