package dev.stackplan.costing.engine;

import dev.stackplan.contracts.event.Role;

/**
 * Engineers to book for one role of a staffing plan.
 *
 * @param roleId id of the staffing rule, prefix of the role's line items
 * @param tier tier booked
 * @param count engineers booked
 * @param weeks whole weeks each engineer is booked
 * @param reason why, including how the count and weeks were derived
 * @param source where the reason comes from
 */
record Booking(String roleId, Tier tier, int count, int weeks, String reason, String source) {

	Booking {
		if (count < 1 || weeks < 1) {
			throw new IllegalArgumentException("A booking has at least one engineer for at least one week");
		}
	}

	Role toRole() {
		return new Role(this.tier.name(), this.count, this.weeks, this.reason, this.source, this.roleId);
	}

}
