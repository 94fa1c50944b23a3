package dev.stackplan.gateway.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.stackplan.contracts.event.PlanStatus;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.intake.PlanAccepted;
import dev.stackplan.contracts.profile.PlanRequest;
import org.jspecify.annotations.Nullable;

/**
 * A plan as the public API shows it.
 *
 * @param planId the plan
 * @param status PENDING, COMPLETE, PARTIAL or FAILED
 * @param knowledgeVersion knowledge version the stack was scored with
 * @param requestedAt when intake accepted the request
 * @param assembledAt when both halves were joined
 * @param request the normalised request
 * @param stack the framework half
 * @param staffing the cost half
 * @param missing the halves a PARTIAL or FAILED plan lacks, and why
 * @param summary the plan in five lines; once both halves are there
 * @param conditions every option eligible only on a condition, with the price of what
 * meeting it books
 * @param whatWouldChangeThis the nearest input changes that flip the recommendation or
 * move its cost by more than the decision pack's share
 * @param assumptionsOverridden the documented assumptions the request overrode, with both
 * figures; the plan, its summary and what would change it use the request's
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record PlanView(UUID planId, PlanStatus status, @Nullable String knowledgeVersion, @Nullable Instant requestedAt,
		@Nullable Instant assembledAt, @Nullable PlanRequest request, @Nullable StackAssessment stack,
		@Nullable Staffing staffing, List<MissingHalf> missing, @Nullable Summary summary,
		List<PricedCondition> conditions, List<Change> whatWouldChangeThis,
		List<AssumptionOverridden> assumptionsOverridden) {

	/** A plan just accepted: its id and status, nothing else yet. */
	static PlanView accepted(PlanAccepted accepted) {
		return new PlanView(accepted.planId(), accepted.status(), null, null, null, null, null, null, List.of(), null,
				List.of(), List.of(), List.of());
	}

	/**
	 * The plan in five lines.
	 *
	 * @param pick the recommendation, with its condition and price if it has one
	 * @param why the first reason for it, with its source
	 * @param costRange on demand, and the same engineers hired full-time
	 * @param biggestRisk a load caveat, a budget overrun or the heaviest trade-off
	 * @param nextStep the condition to meet, else the first advice, else the first role
	 * to book
	 */
	record Summary(String pick, String why, String costRange, String biggestRisk, String nextStep) {

	}

	/**
	 * An option eligible only on a condition.
	 *
	 * @param option the option
	 * @param text the condition and why
	 * @param source where it comes from
	 * @param bookedRole the role of the option's estimate that meets it
	 * @param bookedUsd what that role costs on demand in the option's estimate
	 */
	record PricedCondition(String option, String text, String source, @Nullable String bookedRole,
			@Nullable BigDecimal bookedUsd) {

	}

	/**
	 * One input change that would change the plan.
	 *
	 * @param input the input changed: expectedRps, engineers, seniorEngineers,
	 * timelineWeeks, budgetUsd or features
	 * @param change the change, with today's value
	 * @param recommendation the recommendation after it
	 * @param recommendationLabel its label
	 * @param onDemandUsd the on-demand cost of that recommendation after it
	 * @param costChangePercent the move of the recommended on-demand cost, in percent
	 * @param text the change and its outcome in one sentence
	 * @param source how the search looks (the pack's declared search)
	 */
	record Change(String input, String change, String recommendation, String recommendationLabel,
			BigDecimal onDemandUsd, @Nullable BigDecimal costChangePercent, String text, String source) {

	}

	/**
	 * A half of the plan that is not there.
	 *
	 * @param half stack or staffing
	 * @param reason why
	 */
	record MissingHalf(String half, String reason) {

	}

	/**
	 * The cost half: the estimate for the recommended option, and every option's
	 * estimate.
	 *
	 * @param knowledgeVersion knowledge version the costs were computed with
	 * @param recommended the estimate of the recommended option; absent until the stack
	 * is scored
	 * @param byOption every option's estimate
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Staffing(String knowledgeVersion, @JsonUnwrapped @Nullable StaffingEstimate recommended,
			List<StaffingEstimate> byOption) {

	}

}
