package dev.stackplan.contracts.event;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The cost of one stack option, as numbers: who is booked for how long, and the totals.
 *
 * @param option the stack option id
 * @param bookings the engineers booked, role by role
 * @param onDemandUsd total on-demand cost
 * @param fullTimeUsd total cost of the same bookings as full-time hires, low to high
 */
public record OptionCost(String option, List<Booked> bookings, BigDecimal onDemandUsd, UsdRange fullTimeUsd) {

	public OptionCost {
		Objects.requireNonNull(option, "option");
		bookings = List.copyOf(bookings);
		Objects.requireNonNull(onDemandUsd, "onDemandUsd");
		Objects.requireNonNull(fullTimeUsd, "fullTimeUsd");
	}

	/**
	 * Engineers booked for one role.
	 *
	 * @param role the staffing rule id
	 * @param tier the tier booked
	 * @param count engineers
	 * @param weeks whole weeks each
	 */
	public record Booked(String role, String tier, int count, int weeks) {

	}

}
