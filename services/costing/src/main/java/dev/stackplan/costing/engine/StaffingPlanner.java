package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.Team;
import dev.stackplan.costing.engine.CostDocument.FixedWeeks;
import dev.stackplan.costing.engine.CostDocument.InHouseFill;
import dev.stackplan.costing.engine.CostDocument.MinimumTeam;
import dev.stackplan.costing.engine.CostDocument.OptionStaffing;
import dev.stackplan.costing.engine.CostDocument.PerFeatures;
import dev.stackplan.costing.engine.CostDocument.RoleRule;
import dev.stackplan.costing.engine.CostDocument.TimelineShare;

/**
 * Derives what must be booked for one stack option from its staffing rules, the product,
 * the timeline and the in-house team.
 * <p>
 * Seats: each applicable rule asks for a number of engineers for a number of weeks. Each
 * in-house engineer takes one seat (assumption IN_HOUSE_FILLS_SEATS): in-house seniors
 * first take the seats a senior may fill, then everyone left takes the seats any engineer
 * may fill; the empty seats are booked. Last, an option's minimum team is enforced over
 * the in-house team plus the engineers booked for at least the whole timeline, by booking
 * more for the whole timeline.
 */
final class StaffingPlanner {

	private StaffingPlanner() {
	}

	static List<Booking> plan(OptionStaffing staffing, PlanRequest request, Citations citations) {
		int timeline = request.timelineWeeks();
		Team team = request.team();
		List<Seats> seats = new ArrayList<>();
		for (RoleRule rule : staffing.roles()) {
			if (rule.appliesTo(request.product().existingFramework())) {
				seats.add(seats(rule, request));
			}
		}
		int seniorsLeft = team.seniorEngineers();
		for (Seats role : seats) {
			if (role.rule.filledInHouseBy() == InHouseFill.SENIOR) {
				role.filledInHouse = Math.min(role.needed, seniorsLeft);
				seniorsLeft -= role.filledInHouse;
			}
		}
		int engineersLeft = team.engineers() - team.seniorEngineers() + seniorsLeft;
		for (Seats role : seats) {
			if (role.rule.filledInHouseBy() == InHouseFill.ANY_ENGINEER) {
				role.filledInHouse = Math.min(role.needed, engineersLeft);
				engineersLeft -= role.filledInHouse;
			}
		}
		citations.cite(CostDocument.IN_HOUSE_FILLS_SEATS);
		List<Booking> bookings = new ArrayList<>();
		for (Seats role : seats) {
			citations.cite(role.rule.source()).cite(role.rule.sizing().source());
			if (role.needed > role.filledInHouse) {
				bookings.add(new Booking(role.rule.id(), role.rule.tier(), role.needed - role.filledInHouse, role.weeks,
						role.reason(), role.rule.source()));
			}
		}
		if (staffing.minimumTeam() != null) {
			enforce(staffing.minimumTeam(), team, timeline, bookings, citations);
		}
		return List.copyOf(bookings);
	}

	private static Seats seats(RoleRule rule, PlanRequest request) {
		int timeline = request.timelineWeeks();
		if (rule.sizing() instanceof TimelineShare fixed) {
			int weeks = weeksOf(fixed.timelineShare(), timeline);
			return new Seats(rule, fixed.count(), weeks, format("%d for %s", fixed.count(), span(weeks, timeline)));
		}
		if (rule.sizing() instanceof PerFeatures perFeatures) {
			int features = request.product().features().size();
			int count = Math.max(perFeatures.minCount(), ceilDiv(features, perFeatures.featuresPerEngineer()));
			int weeks = weeksOf(perFeatures.timelineShare(), timeline);
			return new Seats(rule, count, weeks,
					format("%d for %d requested features at one per %d, at least %d, for %s", count, features,
							perFeatures.featuresPerEngineer(), perFeatures.minCount(), span(weeks, timeline)));
		}
		FixedWeeks work = (FixedWeeks) rule.sizing();
		String overrun = (work.weeks() > timeline)
				? format(", %s past the %d-week timeline", weeks(work.weeks() - timeline), timeline) : "";
		return new Seats(rule, work.count(), work.weeks(),
				format("%d for %s%s", work.count(), weeks(work.weeks()), overrun));
	}

	private static void enforce(MinimumTeam minimum, Team team, int timeline, List<Booking> bookings,
			Citations citations) {
		int engineers = team.engineers();
		int seniors = team.seniorEngineers();
		for (Booking booking : bookings) {
			if (booking.weeks() >= timeline) {
				engineers += booking.count();
				seniors += booking.tier().seniorOrAbove() ? booking.count() : 0;
			}
		}
		int missingSeniors = Math.max(0, minimum.seniors() - seniors);
		if (missingSeniors > 0) {
			bookings.add(new Booking("MINIMUM_TEAM_SENIOR", minimum.seniorTier(), missingSeniors, timeline,
					format("%s. %d more for the whole %d-week timeline to reach %d senior(s)", minimum.reason(),
							missingSeniors, timeline, minimum.seniors()),
					minimum.source()));
			engineers += missingSeniors;
			citations.cite(minimum.source());
		}
		int missingEngineers = Math.max(0, minimum.engineers() - engineers);
		if (missingEngineers > 0) {
			bookings.add(new Booking("MINIMUM_TEAM_ENGINEER", minimum.engineerTier(), missingEngineers, timeline,
					format("%s. %d more for the whole %d-week timeline to reach %d engineers", minimum.reason(),
							missingEngineers, timeline, minimum.engineers()),
					minimum.source()));
			citations.cite(minimum.source());
		}
	}

	/** Billing is weekly, so a share of the timeline is rounded up to whole weeks. */
	private static int weeksOf(BigDecimal share, int timeline) {
		return share.multiply(BigDecimal.valueOf(timeline)).setScale(0, RoundingMode.CEILING).intValueExact();
	}

	private static String span(int weeks, int timeline) {
		return (weeks == timeline) ? format("the whole %d-week timeline", timeline)
				: format("%d of the %d weeks", weeks, timeline);
	}

	private static String weeks(int weeks) {
		return (weeks == 1) ? "1 week" : weeks + " weeks";
	}

	private static int ceilDiv(int dividend, int divisor) {
		return (dividend + divisor - 1) / divisor;
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	/** Seats one rule asks for and how many of them the in-house team takes. */
	private static final class Seats {

		private final RoleRule rule;

		private final int needed;

		private final int weeks;

		private final String sizing;

		private int filledInHouse;

		Seats(RoleRule rule, int needed, int weeks, String sizing) {
			this.rule = rule;
			this.needed = needed;
			this.weeks = weeks;
			this.sizing = sizing;
		}

		String reason() {
			String reason = format("%s. %s (%s)", this.rule.reason(), this.sizing, this.rule.sizing().source());
			if (this.filledInHouse > 0) {
				reason += format("; %d of the %d filled by the in-house team (%s)", this.filledInHouse, this.needed,
						CostDocument.IN_HOUSE_FILLS_SEATS);
			}
			return reason;
		}

	}

}
