package dev.stackplan.gateway.plan;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of a client's plans, newest first.
 *
 * @param items the plans
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
record PlanPage(List<PlanSummary> items, @Nullable String nextCursor) {

}
