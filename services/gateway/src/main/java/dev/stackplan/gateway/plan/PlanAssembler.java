package dev.stackplan.gateway.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.stackplan.contracts.event.PlanAssembled;
import dev.stackplan.contracts.event.StackAssessment;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.profile.PlanRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Joins the stored halves of a plan: costing estimates every stack option because it runs
 * in parallel with scoring, and the plan shows the estimate of the option scoring
 * recommends, keeping the others.
 */
final class PlanAssembler {

	private static final TypeReference<List<StaffingEstimate>> ESTIMATES = new TypeReference<>() {
	};

	private final JsonMapper json;

	PlanAssembler(JsonMapper json) {
		this.json = json;
	}

	PlanView view(PlanRow row) {
		StackAssessment stack = (row.stack() != null) ? this.json.readValue(row.stack(), StackAssessment.class) : null;
		PlanRequest request = (row.request() != null) ? this.json.readValue(row.request(), PlanRequest.class) : null;
		PlanView.Staffing staffing = null;
		if (row.costs() != null) {
			List<StaffingEstimate> byOption = this.json.readValue(row.costs(), ESTIMATES);
			StaffingEstimate recommended = (stack != null) ? find(byOption, stack.recommendation()).orElse(null) : null;
			staffing = new PlanView.Staffing(Objects.requireNonNull(row.costsKnowledgeVersion()), recommended,
					byOption);
		}
		List<PlanView.MissingHalf> missing = new ArrayList<>();
		if (stack == null && row.stackProblem() != null) {
			missing.add(new PlanView.MissingHalf("stack", row.stackProblem()));
		}
		if (row.costs() == null && row.costsProblem() != null) {
			missing.add(new PlanView.MissingHalf("staffing", row.costsProblem()));
		}
		return new PlanView(row.planId(), row.status(), row.stackKnowledgeVersion(), row.requestedAt(),
				row.assembledAt(), request, stack, staffing, missing);
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

	/** The summary event of a complete plan. */
	PlanAssembled assembled(PlanRow row, Instant assembledAt) {
		PlanView view = view(row);
		if (!row.complete() || view.stack() == null || view.staffing() == null) {
			throw new IllegalStateException("Plan " + row.planId() + " is not complete");
		}
		StaffingEstimate recommended = view.staffing().recommended();
		if (recommended == null) {
			throw new IllegalStateException("Plan " + row.planId() + " has no estimate for its recommendation "
					+ view.stack().recommendation());
		}
		Instant requestedAt = (row.requestedAt() != null) ? row.requestedAt() : assembledAt;
		return new PlanAssembled(row.planId(), row.status(), Objects.requireNonNull(row.stackKnowledgeVersion()),
				view.stack().recommendation(), recommended.onDemand().totalUsd(), recommended.fullTime().totalUsd(),
				requestedAt, (row.assembledAt() != null) ? row.assembledAt() : assembledAt);
	}

	private static Optional<StaffingEstimate> find(List<StaffingEstimate> estimates, String option) {
		return estimates.stream().filter((estimate) -> estimate.option().equals(option)).findFirst();
	}

}
