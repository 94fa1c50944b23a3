package dev.stackplan.gateway.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.stackplan.contracts.event.OptionCost;
import dev.stackplan.contracts.event.PlanAssembled;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.event.StackDecision;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.event.UsdRange;
import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.costing.engine.AssumptionEngines;
import dev.stackplan.costing.engine.CostEngine;
import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.scoring.engine.ScoringEngine;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Joins the stored halves of a plan: costing estimates every stack option because it runs
 * in parallel with scoring, and the plan shows the estimate of the option scoring
 * recommends, keeping the others.
 *
 * <p>
 * The halves are stored as the events carry them. Since framework-scored.v2 and
 * cost-estimated.v2 they are compact (numbers and ids); the evidence, quotes, labels and
 * sources are rendered here, at read time, by the engines' own rendering over the
 * knowledge base the plan names, so the answer is exactly as rich as a v1 half stored
 * whole. A half of a knowledge version this gateway does not ship is reported missing
 * with the reason rather than rendered with other words.
 */
@Component
class PlanAssembler {

	private static final TypeReference<List<StaffingEstimate>> V1_ESTIMATES = new TypeReference<>() {
	};

	private static final TypeReference<List<OptionCost>> COMPACT_COSTS = new TypeReference<>() {
	};

	private final JsonMapper json;

	private final String knowledgeVersion;

	private final ScoringEngine scoring;

	private final CostEngine costing;

	private final PlanAdvice advice;

	private final KnowledgeBase knowledge;

	private final AssumptionEngines assumed;

	@Autowired
	PlanAssembler(JsonMapper json, KnowledgeBase knowledge, GatewayProperties properties) {
		this(json, knowledge, properties.cachedAssumptions());
	}

	/**
	 * @param cachedAssumptions requests' own assumptions (distinct patches) that keep
	 * their engine built
	 */
	PlanAssembler(JsonMapper json, KnowledgeBase knowledge, int cachedAssumptions) {
		this.json = json;
		this.knowledge = knowledge;
		this.knowledgeVersion = knowledge.version();
		this.scoring = ScoringEngine.fromKnowledge(knowledge);
		this.costing = CostEngine.fromKnowledge(knowledge);
		this.advice = new PlanAdvice(this.scoring, this.costing);
		this.assumed = new AssumptionEngines(knowledge, this.costing, cachedAssumptions);
	}

	PlanView view(PlanRow row) {
		PlanRequest request = (row.request() != null) ? this.json.readValue(row.request(), PlanRequest.class) : null;
		// a request's own assumptions price its plan, its summary and what would change
		// it
		CostEngine costing = (request != null) ? this.assumed.forRequest(request) : this.costing;
		PlanAdvice advice = (costing == this.costing) ? this.advice : new PlanAdvice(this.scoring, costing);
		List<PlanView.MissingHalf> missing = new ArrayList<>();
		StackAssessment stack = null;
		if (row.stack() != null) {
			// bound from the text, not from a tree: a tree would round 0.0920 to 0.092
			if (!isCompactStack(this.json.readTree(row.stack()))) {
				stack = this.json.readValue(row.stack(), StackAssessment.class);
			}
			else if (renderable(row.stackKnowledgeVersion())) {
				try {
					stack = this.scoring.render(this.json.readValue(row.stack(), StackDecision.class));
				}
				catch (IllegalArgumentException ex) {
					missing.add(new PlanView.MissingHalf("stack", "cannot be rendered: " + ex.getMessage()));
				}
			}
			else {
				missing.add(new PlanView.MissingHalf("stack", unrenderable(row.stackKnowledgeVersion())));
			}
		}
		else if (row.stackProblem() != null) {
			missing.add(new PlanView.MissingHalf("stack", row.stackProblem()));
		}
		PlanView.Staffing staffing = null;
		if (row.costs() != null) {
			List<StaffingEstimate> byOption = estimates(row, request, costing, missing);
			if (byOption != null) {
				StaffingEstimate recommended = (stack != null) ? find(byOption, stack.recommendation()) : null;
				staffing = new PlanView.Staffing(Objects.requireNonNull(row.costsKnowledgeVersion()), recommended,
						byOption);
			}
		}
		else if (row.costsProblem() != null) {
			missing.add(new PlanView.MissingHalf("staffing", row.costsProblem()));
		}
		PlanView.Summary summary = null;
		List<PlanView.PricedCondition> conditions = List.of();
		List<PlanView.Change> changes = List.of();
		if (stack != null && staffing != null) {
			conditions = advice.conditions(stack, staffing.byOption());
			if (request != null && staffing.recommended() != null && renderable(row.stackKnowledgeVersion())
					&& renderable(row.costsKnowledgeVersion())) {
				summary = advice.summary(request, stack, staffing.recommended(), conditions);
				changes = advice.whatWouldChangeThis(request, stack, staffing.recommended());
			}
		}
		return new PlanView(row.planId(), row.status(), row.stackKnowledgeVersion(), row.requestedAt(),
				row.assembledAt(), request, stack, staffing, missing, summary, conditions, changes,
				AssumptionOverridden.of(this.knowledge, request));
	}

	private @Nullable List<StaffingEstimate> estimates(PlanRow row, @Nullable PlanRequest request, CostEngine costing,
			List<PlanView.MissingHalf> missing) {
		JsonNode first = this.json.readTree(row.costs()).path(0);
		if (!isCompactCost(first)) {
			return this.json.readValue(row.costs(), V1_ESTIMATES);
		}
		if (!renderable(row.costsKnowledgeVersion())) {
			missing.add(new PlanView.MissingHalf("staffing", unrenderable(row.costsKnowledgeVersion())));
			return null;
		}
		if (request == null) {
			// the costs arrived before the request they derive from: rendered once it is
			// stored
			return null;
		}
		List<StaffingEstimate> byOption = new ArrayList<>();
		try {
			for (OptionCost cost : this.json.readValue(row.costs(), COMPACT_COSTS)) {
				byOption.add(costing.render(request, cost));
			}
		}
		catch (IllegalArgumentException ex) {
			missing.add(new PlanView.MissingHalf("staffing", "cannot be rendered: " + ex.getMessage()));
			return null;
		}
		return byOption;
	}

	/** The plan as one line of a list. */
	PlanSummary summary(PlanRow row) {
		JsonNode product = (row.request() != null) ? this.json.readTree(row.request()).path("product") : null;
		String recommendation = (row.stack() != null)
				? this.json.readTree(row.stack()).path("recommendation").asString(null) : null;
		return new PlanSummary(row.planId(), row.status(), row.requestedAt(),
				(product != null) ? product.path("name").asString(null) : null,
				(product != null) ? product.path("kind").asString(null) : null, recommendation);
	}

	/**
	 * The summary event of a complete plan, read from the stored halves without rendering
	 * them.
	 */
	PlanAssembled assembled(PlanRow row, Instant assembledAt) {
		if (!row.complete() || row.stack() == null || row.costs() == null) {
			throw new IllegalStateException("Plan " + row.planId() + " is not complete");
		}
		String recommendation = this.json.readTree(row.stack()).path("recommendation").asString(null);
		BigDecimal onDemand = null;
		UsdRange fullTime = null;
		if (isCompactCost(this.json.readTree(row.costs()).path(0))) {
			for (OptionCost cost : this.json.readValue(row.costs(), COMPACT_COSTS)) {
				if (cost.option().equals(recommendation)) {
					onDemand = cost.onDemandUsd();
					fullTime = cost.fullTimeUsd();
				}
			}
		}
		else {
			for (StaffingEstimate estimate : this.json.readValue(row.costs(), V1_ESTIMATES)) {
				if (estimate.option().equals(recommendation)) {
					onDemand = estimate.onDemand().totalUsd();
					fullTime = estimate.fullTime().totalUsd();
				}
			}
		}
		if (recommendation == null || onDemand == null || fullTime == null) {
			throw new IllegalStateException(
					"Plan " + row.planId() + " has no estimate for its recommendation " + recommendation);
		}
		Instant requestedAt = (row.requestedAt() != null) ? row.requestedAt() : assembledAt;
		return new PlanAssembled(row.planId(), row.status(), Objects.requireNonNull(row.stackKnowledgeVersion()),
				recommendation, onDemand, fullTime, requestedAt,
				(row.assembledAt() != null) ? row.assembledAt() : assembledAt);
	}

	/**
	 * A v2 stack carries weights by factor id; a v1 stack carries the factors themselves.
	 */
	private static boolean isCompactStack(JsonNode stack) {
		return stack.has("weights");
	}

	/**
	 * A v2 option cost carries its bookings; a v1 estimate carries roles and line items.
	 */
	private static boolean isCompactCost(JsonNode option) {
		return option.has("bookings");
	}

	private boolean renderable(@Nullable String knowledgeVersion) {
		return this.knowledgeVersion.equals(knowledgeVersion);
	}

	private String unrenderable(@Nullable String knowledgeVersion) {
		return "computed with knowledge version " + knowledgeVersion + ", which this gateway does not ship (it has "
				+ this.knowledgeVersion + ")";
	}

	private static @Nullable StaffingEstimate find(List<StaffingEstimate> estimates, String option) {
		return estimates.stream().filter((estimate) -> estimate.option().equals(option)).findFirst().orElse(null);
	}

}
