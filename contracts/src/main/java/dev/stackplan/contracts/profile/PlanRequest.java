package dev.stackplan.contracts.profile;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A startup's product profile as accepted by intake: validated and normalised.
 *
 * @param product the product
 * @param team the in-house team today
 * @param timelineWeeks weeks until the plan must be delivered
 * @param budgetUsd optional budget in US dollars
 * @param assumptions optional per-request assumptions: a JSON merge patch over the
 * knowledge base's cost document that only replaces documented figures, checked by intake
 * against the knowledge bounds; absent when the plan uses the documented figures
 */
public record PlanRequest(ProductProfile product, Team team, int timelineWeeks, @Nullable BigDecimal budgetUsd,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable JsonNode assumptions) {

	/** The knowledge document the assumptions patch. */
	public static final String ASSUMPTIONS_DOCUMENT = "cost";

	/** A request on the documented assumptions. */
	public PlanRequest(ProductProfile product, Team team, int timelineWeeks, @Nullable BigDecimal budgetUsd) {
		this(product, team, timelineWeeks, budgetUsd, null);
	}

	/** The same request under other assumptions, {@code null} for the documented ones. */
	public PlanRequest withAssumptions(@Nullable JsonNode assumptions) {
		return new PlanRequest(this.product, this.team, this.timelineWeeks, this.budgetUsd, assumptions);
	}

}
