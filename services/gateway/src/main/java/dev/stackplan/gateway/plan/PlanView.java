package dev.stackplan.gateway.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.stackplan.contracts.event.PlanStatus;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.event.StaffingEstimate;
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
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record PlanView(UUID planId, PlanStatus status, @Nullable String knowledgeVersion, @Nullable Instant requestedAt,
		@Nullable Instant assembledAt, @Nullable PlanRequest request, @Nullable StackAssessment stack,
		@Nullable Staffing staffing, List<MissingHalf> missing) {

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
