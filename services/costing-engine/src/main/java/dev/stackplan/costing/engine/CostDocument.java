package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import org.jspecify.annotations.Nullable;

/**
 * The parsed and validated {@code cost} document of the knowledge base.
 *
 * @param onDemand the on-demand provider's rate card
 * @param fullTime the US full-time terms
 * @param calendar how weeks, years and working days convert
 * @param staffing staffing rules by stack option id
 * @param declared every declared assumption, then every declared reference, in document
 * order, keyed by the source that cites it (e.g. {@code assumption:ROUNDING}) and ready
 * to show with its reason or citation
 */
record CostDocument(OnDemandTerms onDemand, FullTimeTerms fullTime, Calendar calendar,
		Map<String, OptionStaffing> staffing, Map<String, SourcedText> declared) {

	/*
	 * The rules coded in the engine rest on these assumptions; the document must declare
	 * them so that every estimate can name them.
	 */
	static final String IN_HOUSE_FILLS_SEATS = "assumption:IN_HOUSE_FILLS_SEATS";

	static final String FULL_TIME_COUNTING = "assumption:FULL_TIME_COUNTING";

	static final String FIRST_COMMIT_DELAY = "assumption:FIRST_COMMIT_DELAY";

	static final String BREAK_EVEN = "assumption:BREAK_EVEN";

	static final String BUDGET_FIT = "assumption:BUDGET_FIT";

	static final String ROUNDING = "assumption:ROUNDING";

	/** Shown with every on-demand price: whose claim it is. */
	static final String VENDOR_IS_THE_ONLY_ON_DEMAND_SOURCE = "assumption:VENDOR_IS_THE_ONLY_ON_DEMAND_SOURCE";

	static final String FULL_TIME_CANNOT_START_IN_TIME = "assumption:FULL_TIME_CANNOT_START_IN_TIME";

	static final String IN_HOUSE_COST = "assumption:IN_HOUSE_COST";

	static final String PLAN_OPTIONS = "assumption:PLAN_OPTIONS";

	static final String RATE_PARITY = "assumption:RATE_PARITY";

	static final List<String> ENGINE_RULES = List.of(IN_HOUSE_FILLS_SEATS, FULL_TIME_COUNTING, FIRST_COMMIT_DELAY,
			BREAK_EVEN, BUDGET_FIT, ROUNDING, VENDOR_IS_THE_ONLY_ON_DEMAND_SOURCE, FULL_TIME_CANNOT_START_IN_TIME,
			IN_HOUSE_COST, PLAN_OPTIONS, RATE_PARITY);

	/** A number and where it comes from. */
	record Figure(BigDecimal value, String source) {

	}

	/** A number known as a range, and where it comes from. */
	record RangeFigure(BigDecimal low, BigDecimal high, String source) {

	}

	/**
	 * @param provider name of the on-demand provider
	 * @param weeklyRates weekly rate per tier
	 * @param trialFreeHours length of the free trial
	 * @param trialCreditDays working days of the first week the trial is credited as
	 * @param hoursToFirstCommit median hours from booking to first commit
	 */
	record OnDemandTerms(String provider, Map<Tier, Figure> weeklyRates, Figure trialFreeHours, Figure trialCreditDays,
			Figure hoursToFirstCommit) {

	}

	/**
	 * @param salaries annual base salary range per tier
	 * @param loadedMultiplier salary multiplier for employer costs
	 * @param costPerHire recruiting cost of one hire
	 * @param timeToFillDays calendar days to fill a position
	 * @param onboardingWeeks weeks from start date to first commit
	 * @param agencyFee share of the first-year base salary a recruiting agency charges
	 * per hire, low to high
	 * @param minimumTenureWeeks fewest weeks a hire is paid for, however short the role
	 */
	record FullTimeTerms(Map<Tier, RangeFigure> salaries, RangeFigure loadedMultiplier, Figure costPerHire,
			Figure timeToFillDays, Figure onboardingWeeks, RangeFigure agencyFee, Figure minimumTenureWeeks) {

	}

	record Calendar(Figure weeksPerYear, Figure workingDaysPerWeek) {

	}

	/**
	 * @param option the stack option id
	 * @param roles staffing rules in document order
	 * @param minimumTeam the smallest team the option may run with, if it has one
	 */
	record OptionStaffing(String option, List<RoleRule> roles, @Nullable MinimumTeam minimumTeam) {

	}

	/**
	 * One staffing rule.
	 *
	 * @param id stable id, the prefix of the role's line items
	 * @param tier tier booked for the role
	 * @param onlyIfExisting the existing framework the rule applies to; null for any
	 * @param unlessExisting the existing framework the rule does not apply to; null for
	 * none
	 * @param filledInHouseBy which in-house engineers may take the role's seats
	 * @param sizing how many engineers for how many weeks
	 * @param reason why the role is needed
	 * @param source where the reason comes from
	 */
	record RoleRule(String id, Tier tier, @Nullable ExistingFramework onlyIfExisting,
			@Nullable ExistingFramework unlessExisting, InHouseFill filledInHouseBy, Sizing sizing, String reason,
			String source) {

		boolean appliesTo(ExistingFramework existing) {
			return (this.onlyIfExisting == null || this.onlyIfExisting == existing) && this.unlessExisting != existing;
		}

		boolean alwaysBookedFor(ExistingFramework existing) {
			return appliesTo(existing) && this.filledInHouseBy == InHouseFill.NOBODY;
		}

	}

	enum InHouseFill {

		NOBODY, SENIOR, ANY_ENGINEER

	}

	/** How many engineers a role needs and for how long. */
	sealed interface Sizing permits TimelineShare, PerFeatures, FixedWeeks {

		String source();

	}

	/**
	 * A fixed number of engineers for a share of the delivery (the weeks the feature work
	 * takes), at most {@code maxWeeks} when set.
	 */
	record TimelineShare(int count, BigDecimal timelineShare, @Nullable Integer maxWeeks,
			String source) implements Sizing {

	}

	/**
	 * Feature work as effort: one engineer delivers {@code featuresPerEngineer} features
	 * in {@code cycleWeeks}; the fewest engineers that deliver it within the timeline, at
	 * least {@code minCount} and at most {@code maxEngineersPerFeature} per feature.
	 */
	record PerFeatures(int featuresPerEngineer, int cycleWeeks, int maxEngineersPerFeature, int minCount,
			String source) implements Sizing {

	}

	/**
	 * A fixed amount of work that takes as long as it takes, whatever the timeline,
	 * longer by {@code extra} when the product has its feature.
	 */
	record FixedWeeks(int count, int weeks, @Nullable FeatureExtra extra, String source) implements Sizing {

	}

	/** More weeks of a fixed amount of work when the product has one feature. */
	record FeatureExtra(Feature feature, int weeks, String source) {

	}

	/**
	 * @param engineers fewest engineers on the whole delivery (in-house or booked for at
	 * least the delivery's weeks)
	 * @param seniors fewest of them at senior tier or above
	 * @param seniorTier tier booked when seniors are missing
	 * @param engineerTier tier booked when engineers are missing
	 * @param reason why the minimum exists
	 * @param source where the reason comes from
	 */
	record MinimumTeam(int engineers, int seniors, Tier seniorTier, Tier engineerTier, String reason, String source) {

	}

}
