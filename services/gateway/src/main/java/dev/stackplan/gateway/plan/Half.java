package dev.stackplan.gateway.plan;

import java.util.Optional;

import dev.stackplan.contracts.topic.ConsumerGroups;

/** The two halves of a plan and the service that owes each. */
enum Half {

	STACK("stack", ConsumerGroups.SCORING), COSTS("costs", ConsumerGroups.COSTING);

	private final String column;

	private final String service;

	Half(String column, String service) {
		this.column = column;
		this.service = service;
	}

	String column() {
		return this.column;
	}

	String service() {
		return this.service;
	}

	Half other() {
		return (this == STACK) ? COSTS : STACK;
	}

	/** The half a consumer group owes, by its group id. */
	static Optional<Half> ofService(String service) {
		for (Half half : values()) {
			if (half.service.equals(service)) {
				return Optional.of(half);
			}
		}
		return Optional.empty();
	}

}
