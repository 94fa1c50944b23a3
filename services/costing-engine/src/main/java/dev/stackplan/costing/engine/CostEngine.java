package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.stackplan.contracts.event.BudgetFit;
import dev.stackplan.contracts.event.CostComparison;
import dev.stackplan.contracts.event.Feasibility;
import dev.stackplan.contracts.event.FullTimeCost;
import dev.stackplan.contracts.event.InHouseCost;
import dev.stackplan.contracts.event.OnDemandCost;
import dev.stackplan.contracts.event.OptionCost;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.costing.engine.CostDocument.OptionStaffing;
import tools.jackson.databind.JsonNode;

/**
 * What building each stack option would cost in engineers: a staffing plan derived from
 * the product, the timeline and the in-house team, priced with on-demand weekly engineers
 * and with US full-time hires. Immutable and deterministic: the same document and request
 * always give the same estimates, so a what-if override is a new engine built from a
 * patched document.
 */
public final class CostEngine {

	private final CostDocument document;

	private final OnDemandCosting onDemand;

	private final FullTimeCosting fullTime;

	private final Comparisons comparisons;

	private final FeasibilityPlanner feasibility;

	private CostEngine(CostDocument document) {
		this.document = document;
		this.onDemand = new OnDemandCosting(document.onDemand(), document.calendar());
		this.fullTime = new FullTimeCosting(document);
		this.comparisons = new Comparisons(document);
		this.feasibility = new FeasibilityPlanner(this.onDemand);
	}

	/**
	 * Parses the "cost" document of the knowledge base.
	 * @param costDocument the document
	 * @return an engine for it
	 * @throws IllegalArgumentException naming the JSON pointer of the first invalid item
	 */
	public static CostEngine fromDocument(JsonNode costDocument) {
		return new CostEngine(CostDocumentReader.read(costDocument));
	}

	public static CostEngine fromKnowledge(KnowledgeBase kb) {
		return fromDocument(kb.document("cost"));
	}

	/**
	 * One estimate per option id, in the given order.
	 * @param request the validated plan request
	 * @param optionIds stack option ids, each with staffing rules in the document
	 * @return the estimates
	 * @throws IllegalArgumentException for an option without staffing rules or a request
	 * the engine cannot plan
	 */
	public List<StaffingEstimate> estimate(PlanRequest request, List<String> optionIds) {
		check(request);
		List<StaffingEstimate> estimates = new ArrayList<>(optionIds.size());
		for (String optionId : optionIds) {
			estimates.add(estimate(request, staffing(optionId)));
		}
		return List.copyOf(estimates);
	}

	/**
	 * What each option costs, as numbers: the bookings and the totals, in the given
	 * order. This is what travels on the log; {@link #render} turns one back into the
	 * full estimate.
	 * @param request the validated plan request
	 * @param optionIds stack option ids, each with staffing rules in the document
	 * @return one cost per option
	 */
	public List<OptionCost> decide(PlanRequest request, List<String> optionIds) {
		check(request);
		List<OptionCost> costs = new ArrayList<>(optionIds.size());
		for (String optionId : optionIds) {
			OptionStaffing staffing = staffing(optionId);
			List<Booking> bookings = StaffingPlanner.plan(staffing, request, new Citations()).bookings();
			costs.add(new OptionCost(staffing.option(), bookings.stream().map(CostEngine::booked).toList(),
					this.onDemand.total(bookings), this.fullTime.total(bookings)));
		}
		return List.copyOf(costs);
	}

	/**
	 * The full estimate behind an option's cost, every line item with its label and
	 * source: the derivations are rendered from this document and the request, and must
	 * come to the bookings and totals the cost names.
	 * @throws IllegalArgumentException when this document does not come to the same
	 * bookings and totals (the cost was computed with other knowledge)
	 */
	public StaffingEstimate render(PlanRequest request, OptionCost cost) {
		check(request);
		StaffingEstimate estimate = estimate(request, staffing(cost.option()));
		OptionCost rendered = compact(estimate);
		if (!rendered.bookings().equals(cost.bookings()) || rendered.onDemandUsd().compareTo(cost.onDemandUsd()) != 0
				|| rendered.fullTimeUsd().low().compareTo(cost.fullTimeUsd().low()) != 0
				|| rendered.fullTimeUsd().high().compareTo(cost.fullTimeUsd().high()) != 0) {
			throw new IllegalArgumentException("The cost of " + cost.option()
					+ " was computed with other knowledge: this document comes to " + rendered + ", not " + cost);
		}
		return estimate;
	}

	private static OptionCost compact(StaffingEstimate estimate) {
		return new OptionCost(estimate.option(),
				estimate.roles()
					.stream()
					.map((role) -> new OptionCost.Booked(role.id(), role.tier(), role.count(), role.weeks()))
					.toList(),
				estimate.onDemand().totalUsd(), estimate.fullTime().totalUsd());
	}

	private static OptionCost.Booked booked(Booking booking) {
		return new OptionCost.Booked(booking.roleId(), booking.tier().name(), booking.count(), booking.weeks());
	}

	private StaffingEstimate estimate(PlanRequest request, OptionStaffing staffing) {
		Citations citations = new Citations();
		StaffingPlan plan = StaffingPlanner.plan(staffing, request, citations);
		List<Booking> bookings = plan.bookings();
		// the schedule planned: the feature work, or a migration running past it
		int planWeeks = plan.weeks();
		OnDemandCost onDemandCost = this.onDemand.cost(bookings, planWeeks, citations);
		FullTimeCost fullTimeCost = this.fullTime.cost(bookings, planWeeks, request.timelineWeeks(),
				this.comparisons.weeksToFirstCommit(), citations);
		InHouseCost inHouse = this.fullTime.inHouse(plan.inHouse(), citations);
		CostComparison comparison = this.comparisons.compare(bookings, request.timelineWeeks(), onDemandCost,
				fullTimeCost, inHouse, citations);
		BigDecimal budget = request.budgetUsd();
		BudgetFit fit = (budget != null)
				? this.comparisons.fit(budget, bookings, planWeeks, onDemandCost, fullTimeCost, citations) : null;
		Feasibility feasibility = this.feasibility.assess(staffing, request, plan, onDemandCost.totalUsd(), citations);
		return new StaffingEstimate(staffing.option(), bookings.stream().map(Booking::toRole).toList(), onDemandCost,
				fullTimeCost, comparison, fit, citations.declaredIn(this.document), feasibility, inHouse);
	}

	private OptionStaffing staffing(String optionId) {
		OptionStaffing staffing = this.document.staffing().get(optionId);
		if (staffing == null) {
			throw new IllegalArgumentException("The cost document has no staffing rules for stack option '" + optionId
					+ "'; it has rules for " + new TreeSet<>(this.document.staffing().keySet()));
		}
		return staffing;
	}

	private static void check(PlanRequest request) {
		if (request.timelineWeeks() < 1) {
			throw new IllegalArgumentException("A timeline is at least one week, was " + request.timelineWeeks());
		}
		int engineers = request.team().engineers();
		int seniors = request.team().seniorEngineers();
		if (seniors < 0 || seniors > engineers) {
			throw new IllegalArgumentException(
					"An in-house team has between 0 and all of its " + engineers + " engineers senior, was " + seniors);
		}
		if (request.budgetUsd() != null && request.budgetUsd().signum() < 0) {
			throw new IllegalArgumentException("A budget cannot be negative, was " + request.budgetUsd());
		}
	}

}
