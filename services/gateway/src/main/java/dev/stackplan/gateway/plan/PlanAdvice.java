package dev.stackplan.gateway.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntFunction;

import dev.stackplan.contracts.event.Advice;
import dev.stackplan.contracts.event.EligibilityCondition;
import dev.stackplan.contracts.event.OptionAssessment;
import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.event.StackDecision;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.gateway.plan.PlanView.Change;
import dev.stackplan.gateway.plan.PlanView.PricedCondition;
import dev.stackplan.gateway.plan.PlanView.Summary;
import dev.stackplan.scoring.engine.ScoringEngine;
import dev.stackplan.scoring.engine.SensitivitySearch;
import org.jspecify.annotations.Nullable;

/**
 * What a founder reads first: a five-line summary of a plan, the price of every option's
 * eligibility condition, and "what would change this", the nearest input changes that
 * flip the recommendation or move its cost by more than the pack's share.
 *
 * <p>
 * Pure and bounded: the search tries, one input at a time, the values where a rule of the
 * decision pack starts or stops holding and the steps the pack declares, nearest first,
 * and stops in each direction at the first change that counts, so a plan costs at most
 * two engine calls per tried value (a few dozen in all). It runs at read time on the
 * engines of the knowledge the plan was computed with.
 */
final class PlanAdvice {

	private static final String RPS = "expectedRps";

	private static final String ENGINEERS = "engineers";

	private static final String SENIORS = "seniorEngineers";

	private static final String TIMELINE = "timelineWeeks";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final ScoringEngine scoring;

	private final CostEngine costing;

	private final Map<String, SortedSet<Integer>> thresholds;

	private final SensitivitySearch search;

	PlanAdvice(ScoringEngine scoring, CostEngine costing) {
		this.scoring = scoring;
		this.costing = costing;
		this.thresholds = scoring.thresholds();
		this.search = scoring.sensitivity();
	}

	/** Every eligible option's condition, with the price of what it books. */
	List<PricedCondition> conditions(StackAssessment stack, List<StaffingEstimate> byOption) {
		List<PricedCondition> conditions = new ArrayList<>();
		for (OptionAssessment option : stack.options()) {
			EligibilityCondition condition = option.condition();
			if (condition != null) {
				StaffingEstimate estimate = byOption.stream()
					.filter((candidate) -> candidate.option().equals(option.option()))
					.findFirst()
					.orElse(null);
				conditions.add(new PricedCondition(option.option(), condition.text(), condition.source(),
						condition.bookedRole(), (estimate != null) ? bookedUsd(estimate, condition) : null));
			}
		}
		return conditions;
	}

	Summary summary(PlanRequest request, StackAssessment stack, StaffingEstimate recommended,
			List<PricedCondition> conditions) {
		String label = this.scoring.label(stack.recommendation());
		PricedCondition condition = conditions.stream()
			.filter((candidate) -> candidate.option().equals(stack.recommendation()))
			.findFirst()
			.orElse(null);
		String pick = (condition != null) ? label + ", " + conditionClause(condition) : label;
		int weeks = recommended.roles()
			.stream()
			.mapToInt((role) -> role.weeks())
			.reduce(request.timelineWeeks(), Math::max);
		String cost = String.format("%s on demand over %d weeks; %s-%s with the same engineers hired full-time.",
				usd(recommended.onDemand().totalUsd()), weeks, usd(recommended.fullTime().totalUsd().low()),
				usd(recommended.fullTime().totalUsd().high()));
		return new Summary("Pick: " + pick + ".", "Why: " + why(stack), "Cost: " + cost,
				"Biggest risk: " + risk(stack, recommended), "Next step: " + next(stack, recommended, condition));
	}

	/**
	 * The nearest changes of each input, in each direction, that change the
	 * recommendation or move its on-demand cost by more than the pack's share.
	 */
	List<Change> whatWouldChangeThis(PlanRequest request, StackAssessment stack, StaffingEstimate recommended) {
		BigDecimal cost = recommended.onDemand().totalUsd();
		List<Change> changes = new ArrayList<>();
		for (List<Probe> direction : probes(request)) {
			for (Probe probe : direction) {
				Change change = evaluate(probe, stack, cost);
				if (change != null) {
					changes.add(change);
					break;
				}
			}
		}
		return changes;
	}

	private @Nullable Change evaluate(Probe probe, StackAssessment stack, BigDecimal cost) {
		StackDecision decision;
		BigDecimal newCost;
		try {
			decision = this.scoring.decide(probe.request());
			newCost = this.costing.decide(probe.request(), List.of(decision.recommendation())).get(0).onDemandUsd();
		}
		catch (IllegalArgumentException ex) {
			// no option eligible, or a request the engines cannot plan: not a change to
			// offer
			return null;
		}
		boolean flips = !decision.recommendation().equals(stack.recommendation());
		BigDecimal percent = (cost.signum() != 0)
				? newCost.subtract(cost).multiply(HUNDRED).divide(cost, 1, RoundingMode.HALF_UP) : null;
		boolean moves = (percent != null)
				&& percent.abs().compareTo(this.search.costChangeShare().multiply(HUNDRED)) > 0;
		if (!flips && !moves) {
			return null;
		}
		String label = this.scoring.label(decision.recommendation());
		String outcome = flips ? label + " instead of " + this.scoring.label(stack.recommendation()) : "still " + label;
		String costText = usd(newCost) + " on demand" + ((percent != null)
				? " (" + ((percent.signum() >= 0) ? "+" : "") + percent.toPlainString() + "%)" : "");
		return new Change(probe.input(), probe.change(), decision.recommendation(), label, newCost, percent,
				probe.change() + ": " + outcome + ", " + costText + ".", this.search.source());
	}

	/** The probes of each input and direction, nearest first. */
	private List<List<Probe>> probes(PlanRequest request) {
		List<List<Probe>> probes = new ArrayList<>();
		ProductProfile product = request.product();
		Team team = request.team();
		int rps = product.expectedRps();
		probes.add(values(up(rps, RPS, List.of()), (value) -> new Probe(RPS,
				"At " + number(value) + " RPS (now " + number(rps) + ")", withRps(request, value))));
		probes.add(values(down(rps, RPS, List.of()), (value) -> new Probe(RPS,
				"At " + number(value) + " RPS (now " + number(rps) + ")", withRps(request, value))));
		int step = this.search.teamStep();
		int seniors = team.seniorEngineers();
		probes.add(values(up(seniors, SENIORS, List.of(seniors + step)), (value) -> {
			int engineers = Math.max(team.engineers(), team.engineers() + value - seniors);
			return new Probe(SENIORS, String.format("With %s in the team (team %d/%d, now %d/%d)",
					engineers(value - seniors, "more senior engineer"), engineers, value, team.engineers(), seniors),
					withTeam(request, engineers, value));
		}));
		probes.add(values(up(team.engineers(), ENGINEERS, List.of(team.engineers() + step)),
				(value) -> new Probe(ENGINEERS, String.format("With %s (team %d/%d, now %d/%d)",
						engineers(value, "engineer"), value, seniors, team.engineers(), seniors),
						withTeam(request, value, seniors))));
		probes.add(values(down(team.engineers(), ENGINEERS, List.of(team.engineers() - step)),
				(value) -> new Probe(ENGINEERS,
						String.format("With %s (team %d/%d, now %d/%d)", engineers(value, "engineer"), value,
								Math.min(seniors, value), team.engineers(), seniors),
						withTeam(request, value, Math.min(seniors, value)))));
		int timeline = request.timelineWeeks();
		List<Integer> timelines = this.search.timelineFactors()
			.stream()
			.map((factor) -> factor.multiply(BigDecimal.valueOf(timeline)).setScale(0, RoundingMode.HALF_UP).intValue())
			.toList();
		probes.add(values(up(timeline, TIMELINE, timelines), (value) -> new Probe(TIMELINE,
				"With a " + value + "-week timeline (now " + timeline + ")", withTimeline(request, value))));
		probes.add(values(down(timeline, TIMELINE, timelines), (value) -> new Probe(TIMELINE,
				"With a " + value + "-week timeline (now " + timeline + ")", withTimeline(request, value))));
		BigDecimal budget = request.budgetUsd();
		if (budget != null && budget.signum() > 0) {
			for (BigDecimal factor : this.search.budgetFactors()) {
				BigDecimal value = budget.multiply(factor).setScale(2, RoundingMode.HALF_UP);
				probes
					.add(List.of(new Probe("budgetUsd", "With a budget of " + usd(value) + " (now " + usd(budget) + ")",
							new PlanRequest(product, team, timeline, value))));
			}
		}
		for (Feature feature : new TreeSet<>(product.features())) {
			List<Feature> without = product.features().stream().filter((kept) -> kept != feature).toList();
			probes.add(List.of(new Probe("features", "Without " + feature, new PlanRequest(
					new ProductProfile(product.name(), product.kind(), without, rps, product.existingFramework()), team,
					timeline, request.budgetUsd()))));
		}
		return probes;
	}

	/**
	 * Values above the current one where a threshold of the number starts or stops
	 * holding, and the given steps, nearest first.
	 */
	private List<Integer> up(int current, String number, List<Integer> steps) {
		TreeSet<Integer> values = new TreeSet<>();
		this.thresholds.getOrDefault(number, new TreeSet<>())
			.stream()
			.filter((value) -> value > current)
			.forEach(values::add);
		steps.stream().filter((value) -> value > current).forEach(values::add);
		return List.copyOf(values);
	}

	/**
	 * Values below the current one: the last value short of each threshold the current
	 * one has reached, and the given steps, nearest first; never below zero.
	 */
	private List<Integer> down(int current, String number, List<Integer> steps) {
		TreeSet<Integer> values = new TreeSet<>();
		this.thresholds.getOrDefault(number, new TreeSet<>())
			.stream()
			.filter((value) -> value <= current && value >= 1)
			.forEach((value) -> values.add(value - 1));
		steps.stream().filter((value) -> value < current && value >= 0).forEach(values::add);
		return List.copyOf(values.descendingSet());
	}

	private static List<Probe> values(List<Integer> values, IntFunction<Probe> probe) {
		return values.stream().map(probe::apply).toList();
	}

	private static PlanRequest withRps(PlanRequest request, int rps) {
		ProductProfile product = request.product();
		return new PlanRequest(new ProductProfile(product.name(), product.kind(), product.features(), rps,
				product.existingFramework()), request.team(), request.timelineWeeks(), request.budgetUsd());
	}

	private static PlanRequest withTeam(PlanRequest request, int engineers, int seniors) {
		return new PlanRequest(request.product(), new Team(engineers, seniors), request.timelineWeeks(),
				request.budgetUsd());
	}

	private static PlanRequest withTimeline(PlanRequest request, int weeks) {
		return new PlanRequest(request.product(), request.team(), Math.max(1, weeks), request.budgetUsd());
	}

	/**
	 * The first reason for the pick that names it (a reason may widen the pick's lead
	 * over a third option while naming another), else the first reason: never its
	 * description, a condition or a trade-off.
	 */
	private String why(StackAssessment stack) {
		List<SourcedText> rationale = stack.rationale();
		List<SourcedText> reasons = new ArrayList<>();
		for (int i = 1; i < rationale.size(); i++) {
			String text = rationale.get(i).text();
			if (!text.startsWith("On a condition:") && !text.startsWith("Trade-off")) {
				reasons.add(rationale.get(i));
			}
		}
		String label = this.scoring.label(stack.recommendation());
		SourcedText why = reasons.stream()
			.filter((reason) -> reason.text().contains(label))
			.findFirst()
			.orElse(reasons.isEmpty() ? rationale.get(0) : reasons.get(0));
		return why.text() + " (" + why.source() + ")";
	}

	/**
	 * A load caveat first, then a budget the on-demand plan does not fit, then the
	 * heaviest trade-off.
	 */
	private String risk(StackAssessment stack, StaffingEstimate recommended) {
		for (Advice advice : stack.advice()) {
			if (advice.kind().equals("LOAD_CAVEAT")) {
				return advice.text() + " (" + advice.source() + ")";
			}
		}
		if (recommended.budget() != null && !recommended.budget().onDemandWithinBudget()) {
			return String.format("the on-demand plan (%s) is over the %s budget.",
					usd(recommended.onDemand().totalUsd()), usd(recommended.budget().budgetUsd()));
		}
		for (SourcedText line : stack.rationale()) {
			if (line.text().startsWith("Trade-off")) {
				return line.text() + " (" + line.source() + ")";
			}
		}
		return "none of the pack's rules or factors argues against the pick.";
	}

	private String next(StackAssessment stack, StaffingEstimate recommended, @Nullable PricedCondition condition) {
		if (condition != null) {
			return capitalised(conditionClause(condition).replaceFirst("^if you ", "")) + ".";
		}
		for (Advice advice : stack.advice()) {
			return advice.text() + " (" + advice.source() + ")";
		}
		if (!recommended.roles().isEmpty()) {
			var role = recommended.roles().get(0);
			return String.format("book the first role of the plan: %d %s for %d weeks, %s (%s).", role.count(),
					role.tier(), role.weeks(), role.reason(), role.source());
		}
		return "build it with the in-house team; the plan books nobody.";
	}

	private String conditionClause(PricedCondition condition) {
		String text = condition.text();
		int colon = text.indexOf(':');
		String clause = (colon > 0) ? text.substring(0, colon) : text;
		String label = this.scoring.label(condition.option());
		for (String prefix : List.of(condition.option(), label, "Hybrid")) {
			if (clause.startsWith(prefix + " ")) {
				clause = clause.substring(prefix.length() + 1);
				break;
			}
		}
		return (condition.bookedUsd() != null) ? clause + " (+" + usd(condition.bookedUsd()) + ")" : clause;
	}

	/** What the condition's booked role costs on demand in the option's estimate. */
	private static @Nullable BigDecimal bookedUsd(StaffingEstimate estimate, EligibilityCondition condition) {
		if (condition.bookedRole() == null) {
			return null;
		}
		String prefix = condition.bookedRole() + "_";
		BigDecimal total = null;
		for (var item : estimate.onDemand().lineItems()) {
			if (item.item().startsWith(prefix)) {
				total = (total != null) ? total.add(item.amountUsd()) : item.amountUsd();
			}
		}
		return total;
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	static String usd(BigDecimal amount) {
		DecimalFormat format = new DecimalFormat((amount.stripTrailingZeros().scale() > 0) ? "$#,##0.00" : "$#,##0",
				DecimalFormatSymbols.getInstance(Locale.US));
		return format.format(amount);
	}

	private static String engineers(int count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

	private static String number(int value) {
		return String.format(Locale.US, "%,d", value);
	}

	/** One changed request and how to say the change. */
	private record Probe(String input, String change, PlanRequest request) {

	}

}
