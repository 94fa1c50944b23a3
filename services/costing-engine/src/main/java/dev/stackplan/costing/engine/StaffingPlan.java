package dev.stackplan.costing.engine;

import java.util.List;

/**
 * What one stack option needs for one request: the bookings, the seats the in-house team
 * fills, and how long the planned schedule runs.
 *
 * @param bookings the engineers to book, role by role
 * @param inHouse the seats in-house engineers fill
 * @param weeks weeks of the planned schedule: the longest role, at least the feature work
 * @param featureWeeks weeks the feature work takes (the delivery the shares apply to)
 * @param pastTimeline why the schedule runs past the timeline, one line per cause; empty
 * when it does not
 */
record StaffingPlan(List<Booking> bookings, List<InHouseSeat> inHouse, int weeks, int featureWeeks,
		List<String> pastTimeline) {

	StaffingPlan {
		bookings = List.copyOf(bookings);
		inHouse = List.copyOf(inHouse);
		pastTimeline = List.copyOf(pastTimeline);
	}

	/**
	 * In-house engineers in one role's seats.
	 *
	 * @param roleId the staffing rule
	 * @param tier the salary tier they are priced at
	 * @param count engineers
	 * @param weeks weeks each
	 */
	record InHouseSeat(String roleId, Tier tier, int count, int weeks) {

	}

}
