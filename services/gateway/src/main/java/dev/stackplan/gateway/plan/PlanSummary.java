package dev.stackplan.gateway.plan;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stackplan.contracts.event.PlanStatus;
import org.jspecify.annotations.Nullable;

/**
 * One line of a client's plan list.
 *
 * @param planId the plan
 * @param status its status
 * @param requestedAt when it was requested
 * @param productName the product's name
 * @param productKind the product's kind
 * @param recommendation the recommended stack option, once scored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PlanSummary(UUID planId, PlanStatus status, @Nullable Instant requestedAt, @Nullable String productName,
		@Nullable String productKind, @Nullable String recommendation) {

}
