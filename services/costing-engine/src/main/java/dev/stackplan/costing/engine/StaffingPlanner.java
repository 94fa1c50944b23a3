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
import dev.stackplan.costing.engine.StaffingPlan.InHouseSeat;

/**
 * Derives what must be booked for one stack option from its staffing rules, the product,
 * the timeline and the in-house team.
 * <p>
 * Feature work is effort (assumption FEATURE_LOAD): the fewest engineers that deliver it
 * within the timeline, within the rule's bounds; when even the most hands the rule allows
 * cannot, the work is planned at that most and runs past the timeline, which the plan
 * says. Roles sized as a share are shares of the weeks the feature work takes, capped
 * where the rule caps them; fixed work (a migration, a review) takes its own weeks.
 * <p>
 * Seats: each applicable rule asks for a number of engineers for a number of weeks. Each
 * in-house engineer takes one seat (assumption IN_HOUSE_FILLS_SEATS): in-house seniors
 * first take the seats a senior may fill, then everyone left takes the seats any engineer
 * may fill; the empty seats are booked. Last, an option's minimum team is enforced over
 * the in-house team plus the engineers booked for at least the whole delivery, by booking
 * more for the whole delivery.
 */
final class StaffingPlanner {

	private StaffingPlanner() {
	}

	static StaffingPlan plan(OptionStaffing staffing, PlanRequest request, Citations citations) {
		int timeline = request.timelineWeeks();
		Team team = request.team();
		List<RoleRule> rules = staffing.roles()
			.stream()
			.filter((rule) -> rule.appliesTo(request.product().existingFramework()))
			.toList();
		int featureWeeks = timeline;
		List<String> pastTimeline = new ArrayList<>();
		List<Seats> seats = new ArrayList<>();
		for (RoleRule rule : rules) {
			if (rule.sizing() instanceof PerFeatures perFeatures) {
				Seats work = featureWork(rule, perFeatures, request);
				featureWeeks = work.weeks;
				if (work.weeks > timeline) {
					pastTimeline.add(format(
							"%s: the %d requested feature(s) take %d engineer-weeks; at most %d engineers (%d per"
									+ " feature) they take %d weeks, %s past the %d-week timeline (%s)",
							rule.id(), request.product().features().size(), effort(perFeatures, request), work.needed,
							perFeatures.maxEngineersPerFeature(), work.weeks, weeks(work.weeks - timeline), timeline,
							perFeatures.source()));
				}
			}
		}
		for (RoleRule rule : rules) {
			Seats role = (rule.sizing() instanceof PerFeatures perFeatures) ? featureWork(rule, perFeatures, request)
					: seats(rule, request, featureWeeks);
			seats.add(role);
			if (rule.sizing() instanceof FixedWeeks && role.weeks > timeline) {
				pastTimeline.add(format("%s: %s, %s past the %d-week timeline (%s)", rule.id(), weeks(role.weeks),
						weeks(role.weeks - timeline), timeline, rule.sizing().source()));
			}
		}
		int seniorsLeft = team.seniorEngineers();
		for (Seats role : seats) {
			if (role.rule.filledInHouseBy() == InHouseFill.SENIOR) {
				role.filledInHouse = Math.min(role.needed, seniorsLeft);
				role.seniorsInHouse = role.filledInHouse;
				seniorsLeft -= role.filledInHouse;
			}
		}
		int othersLeft = team.engineers() - team.seniorEngineers();
		for (Seats role : seats) {
			if (role.rule.filledInHouseBy() == InHouseFill.ANY_ENGINEER) {
				int others = Math.min(role.needed, othersLeft);
				int seniors = Math.min(role.needed - others, seniorsLeft);
				role.filledInHouse = others + seniors;
				role.seniorsInHouse = seniors;
				othersLeft -= others;
				seniorsLeft -= seniors;
			}
		}
		citations.cite(CostDocument.IN_HOUSE_FILLS_SEATS);
		List<Booking> bookings = new ArrayList<>();
		List<InHouseSeat> inHouse = new ArrayList<>();
		for (Seats role : seats) {
			citations.cite(role.rule.source()).cite(role.rule.sizing().source());
			if (role.rule.sizing() instanceof FixedWeeks fixed && fixed.extra() != null) {
				citations.cite(fixed.extra().source());
			}
			if (role.needed > role.filledInHouse) {
				bookings.add(new Booking(role.rule.id(), role.rule.tier(), role.needed - role.filledInHouse, role.weeks,
						role.reason(), role.rule.source()));
			}
			if (role.seniorsInHouse > 0) {
				inHouse.add(new InHouseSeat(role.rule.id(), Tier.SENIOR, role.seniorsInHouse, role.weeks));
			}
			if (role.filledInHouse > role.seniorsInHouse) {
				inHouse.add(new InHouseSeat(role.rule.id(), Tier.MID, role.filledInHouse - role.seniorsInHouse,
						role.weeks));
			}
		}
		if (staffing.minimumTeam() != null) {
			enforce(staffing.minimumTeam(), team, featureWeeks, bookings, citations);
		}
		int planWeeks = bookings.stream().mapToInt(Booking::weeks).reduce(featureWeeks, Math::max);
		for (InHouseSeat seat : inHouse) {
			planWeeks = Math.max(planWeeks, seat.weeks());
		}
		return new StaffingPlan(bookings, inHouse, planWeeks, featureWeeks, pastTimeline);
	}

	/** Engineer-weeks of the requested features, at least one feature's worth. */
	static int effort(PerFeatures sizing, PlanRequest request) {
		int features = Math.max(1, request.product().features().size());
		return ceilDiv(features * sizing.cycleWeeks(), sizing.featuresPerEngineer());
	}

	private static Seats featureWork(RoleRule rule, PerFeatures sizing, PlanRequest request) {
		int timeline = request.timelineWeeks();
		int features = request.product().features().size();
		int effort = effort(sizing, request);
		int most = Math.max(sizing.minCount(), Math.max(1, features) * sizing.maxEngineersPerFeature());
		int count = Math.min(most, Math.max(sizing.minCount(), ceilDiv(effort, timeline)));
		int weeks = ceilDiv(effort, count);
		return new Seats(rule, count, weeks,
				format("%d requested feature(s) at %d per engineer per %d weeks: %d engineer-weeks; %d engineer(s)"
						+ " (at least %d, at most %d per feature) deliver them in %s of the %d-week timeline", features,
						sizing.featuresPerEngineer(), sizing.cycleWeeks(), effort, count, sizing.minCount(),
						sizing.maxEngineersPerFeature(), weeks(weeks), timeline));
	}

	private static Seats seats(RoleRule rule, PlanRequest request, int featureWeeks) {
		int timeline = request.timelineWeeks();
		if (rule.sizing() instanceof TimelineShare share) {
			int weeks = weeksOf(share.timelineShare(), featureWeeks);
			String cap = "";
			if (share.maxWeeks() != null && weeks > share.maxWeeks()) {
				weeks = share.maxWeeks();
				cap = format(", capped at %s", weeks(weeks));
			}
			return new Seats(rule, share.count(), weeks,
					format("%d for %s%s", share.count(), span(weeks, featureWeeks), cap));
		}
		FixedWeeks work = (FixedWeeks) rule.sizing();
		int weeks = work.weeks();
		String extra = "";
		if (work.extra() != null && request.product().features().contains(work.extra().feature())) {
			weeks += work.extra().weeks();
			extra = format(" (%s more because the product has %s, %s)", weeks(work.extra().weeks()),
					work.extra().feature(), work.extra().source());
		}
		String overrun = (weeks > timeline)
				? format(", %s past the %d-week timeline", weeks(weeks - timeline), timeline) : "";
		return new Seats(rule, work.count(), weeks,
				format("%d for %s%s%s", work.count(), weeks(weeks), extra, overrun));
	}

	private static void enforce(MinimumTeam minimum, Team team, int delivery, List<Booking> bookings,
			Citations citations) {
		int engineers = team.engineers();
		int seniors = team.seniorEngineers();
		for (Booking booking : bookings) {
			if (booking.weeks() >= delivery) {
				engineers += booking.count();
				seniors += booking.tier().seniorOrAbove() ? booking.count() : 0;
			}
		}
		int missingSeniors = Math.max(0, minimum.seniors() - seniors);
		if (missingSeniors > 0) {
			bookings.add(new Booking("MINIMUM_TEAM_SENIOR", minimum.seniorTier(), missingSeniors, delivery,
					format("%s. %d more for the whole %d-week delivery to reach %d senior(s)", minimum.reason(),
							missingSeniors, delivery, minimum.seniors()),
					minimum.source()));
			engineers += missingSeniors;
			citations.cite(minimum.source());
		}
		int missingEngineers = Math.max(0, minimum.engineers() - engineers);
		if (missingEngineers > 0) {
			bookings.add(new Booking("MINIMUM_TEAM_ENGINEER", minimum.engineerTier(), missingEngineers, delivery,
					format("%s. %d more for the whole %d-week delivery to reach %d engineers", minimum.reason(),
							missingEngineers, delivery, minimum.engineers()),
					minimum.source()));
			citations.cite(minimum.source());
		}
	}

	/** Billing is weekly, so a share of the delivery is rounded up to whole weeks. */
	private static int weeksOf(BigDecimal share, int weeks) {
		return share.multiply(BigDecimal.valueOf(weeks)).setScale(0, RoundingMode.CEILING).intValueExact();
	}

	private static String span(int weeks, int delivery) {
		return (weeks == delivery) ? format("the whole %d-week delivery", delivery)
				: format("%d of the %d weeks of the delivery", weeks, delivery);
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

		private int seniorsInHouse;

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
