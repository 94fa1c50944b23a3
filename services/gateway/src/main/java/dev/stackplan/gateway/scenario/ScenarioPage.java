package dev.stackplan.gateway.scenario;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of an analyst's scenarios, newest first.
 *
 * @param items the scenarios
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
record ScenarioPage(List<ScenarioView> items, @Nullable String nextCursor) {

}
