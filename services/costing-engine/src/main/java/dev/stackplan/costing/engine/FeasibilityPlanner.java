package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.stackplan.contracts.event.Feasibility;
import dev.stackplan.contracts.event.FeasibilityStatus;
import dev.stackplan.contracts.event.PlanOption;
import dev.stackplan.contracts.event.PlanOptionKind;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.costing.engine.CostDocument.OptionStaffing;
import org.jspecify.annotations.Nullable;

/**
 * Whether a plan delivers within its timeline and budget, and when it does not, the
 * priced changes that would (assumption PLAN_OPTIONS): each option is the same option's
 * plan for a changed request, planned and priced with the same rules.
 */
final class FeasibilityPlanner {

	/** The longest timeline a plan request may ask for (intake's bound). */
	private static final int LONGEST_PLAN_WEEKS = 520;

	private final OnDemandCosting onDemand;

	FeasibilityPlanner(OnDemandCosting onDemand) {
		this.onDemand = onDemand;
	}

	Feasibility assess(OptionStaffing staffing, PlanRequest request, StaffingPlan plan, BigDecimal onDemandTotal,
			Citations citations) {
		int timeline = request.timelineWeeks();
		int features = request.product().features().size();
		BigDecimal budget = request.budgetUsd();
		boolean late = plan.weeks() > timeline;
		boolean overBudget = budget != null && onDemandTotal.compareTo(budget) > 0;
		if (!late && !overBudget) {
			return new Feasibility(FeasibilityStatus.FEASIBLE, timeline, plan.weeks(), features, List.of(), List.of());
		}
		citations.cite(CostDocument.PLAN_OPTIONS);
		List<String> reasons = new ArrayList<>(plan.pastTimeline());
		if (overBudget) {
			reasons.add(format("The on-demand total %s is %s above the %s budget", Money.usd(onDemandTotal),
					Money.usd(onDemandTotal.subtract(budget)), Money.usd(budget)));
		}
		List<PlanOption> options = new ArrayList<>();
		if (late && plan.weeks() <= LONGEST_PLAN_WEEKS) {
			// below the plan's own length the same work still runs past the timeline; at
			// it,
			// every role fits (the feature work has at least as many hands as it needs)
			int extended = plan.weeks();
			Priced priced = price(staffing, with(request, request.product().features(), extended));
			options.add(option(PlanOptionKind.EXTEND_TIMELINE,
					format("Extend the timeline by %d week(s) to %d: the plan then takes %d weeks and costs %s on"
							+ " demand%s", extended - timeline, extended, priced.weeks, Money.usd(priced.total),
							budgetNote(priced.total, budget)),
					extended, List.of(), budget, priced, fits(priced, extended, budget)));
		}
		for (int cut = 1; cut <= features; cut++) {
			List<Feature> kept = request.product().features().subList(0, features - cut);
			Priced priced = price(staffing, with(request, kept, timeline));
			if (fits(priced, timeline, budget)) {
				List<String> cutFeatures = request.product()
					.features()
					.subList(features - cut, features)
					.stream()
					.map(Feature::name)
					.toList();
				options.add(option(PlanOptionKind.CUT_FEATURES,
						format("Cut %d of the %d features (each is the same effort, so any %d; e.g. %s): the plan then"
								+ " takes %d weeks and costs %s on demand%s", cut, features, cut,
								String.join(", ", cutFeatures), priced.weeks, Money.usd(priced.total),
								budgetNote(priced.total, budget)),
						timeline, cutFeatures, budget, priced, true));
				break;
			}
		}
		if (overBudget) {
			Priced priced = new Priced(onDemandTotal, plan.weeks());
			options.add(
					option(PlanOptionKind.RAISE_BUDGET,
							format("Raise the budget by %s to %s%s", Money.usd(onDemandTotal.subtract(budget)),
									Money.usd(onDemandTotal),
									late ? format("; the plan still runs %d weeks, past the %d-week timeline",
											plan.weeks(), timeline) : ""),
							timeline, List.of(), onDemandTotal, priced, !late));
		}
		options.sort(Comparator.comparing((PlanOption option) -> !option.fits())
			.thenComparing(PlanOption::onDemandUsd)
			.thenComparing(PlanOption::kind));
		List<PlanOption> ranked = new ArrayList<>(options.size());
		for (int i = 0; i < options.size(); i++) {
			PlanOption option = options.get(i);
			ranked.add(new PlanOption(i + 1, option.kind(), option.text(), option.timelineWeeks(), option.cutFeatures(),
					option.budgetUsd(), option.onDemandUsd(), option.deliveryWeeks(), option.fits(), option.source()));
		}
		int deliverable = options.stream()
			.filter((option) -> option.kind() == PlanOptionKind.CUT_FEATURES)
			.mapToInt((option) -> features - option.cutFeatures().size())
			.findFirst()
			.orElse(0);
		FeasibilityStatus status = late
				? (overBudget ? FeasibilityStatus.PAST_TIMELINE_AND_OVER_BUDGET : FeasibilityStatus.PAST_TIMELINE)
				: FeasibilityStatus.OVER_BUDGET;
		return new Feasibility(status, timeline, plan.weeks(), deliverable, reasons, ranked);
	}

	private Priced price(OptionStaffing staffing, PlanRequest request) {
		StaffingPlan plan = StaffingPlanner.plan(staffing, request, new Citations());
		return new Priced(this.onDemand.total(plan.bookings()), plan.weeks());
	}

	private static boolean fits(Priced priced, int timeline, @Nullable BigDecimal budget) {
		return priced.weeks <= timeline && (budget == null || priced.total.compareTo(budget) <= 0);
	}

	private static PlanOption option(PlanOptionKind kind, String text, int timeline, List<String> cut,
			@Nullable BigDecimal budget, Priced priced, boolean fits) {
		return new PlanOption(0, kind, text, timeline, cut, budget, priced.total, priced.weeks, fits,
				CostDocument.PLAN_OPTIONS);
	}

	private static String budgetNote(BigDecimal total, @Nullable BigDecimal budget) {
		if (budget == null) {
			return "";
		}
		return (total.compareTo(budget) <= 0) ? format(", within the %s budget", Money.usd(budget))
				: format(", %s above the %s budget", Money.usd(total.subtract(budget)), Money.usd(budget));
	}

	private static PlanRequest with(PlanRequest request, List<Feature> features, int timeline) {
		ProductProfile product = request.product();
		return new PlanRequest(new ProductProfile(product.name(), product.kind(), List.copyOf(features),
				product.expectedRps(), product.existingFramework()), request.team(), timeline, request.budgetUsd());
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	/** An on-demand total and the weeks of its schedule. */
	private record Priced(BigDecimal total, int weeks) {

	}

}
