package dev.stackplan.scoring;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Scoring settings (defaults in application.yml).
 *
 * @param listenerConcurrency consumers of plan.requested
 * @param scenarioConcurrency consumers of scenario.requested
 * @param cachedScenarios scenarios running at once that keep their engine built
 */
@ConfigurationProperties("stackplan.scoring")
@Validated
public record ScoringProperties(@Positive int listenerConcurrency, @Positive int scenarioConcurrency,
		@Positive int cachedScenarios) {

}
