package dev.stackplan.contracts.event;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Advice beside the ranking.
 *
 * @param kind e.g. MIGRATE_TO_DJANGO, DJANGO_NINJA, SECOND_OPINION
 * @param text what to do and why
 * @param source where it comes from
 * @param effortEngineerWeeks the effort it takes, where the source gives one
 * @param effortSource where the effort figure comes from; null when there is no effort
 */
public record Advice(String kind, String text, String source, @Nullable BigDecimal effortEngineerWeeks,
		@Nullable String effortSource) {

}
