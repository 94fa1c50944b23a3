package dev.stackplan.costing;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Costing settings (defaults in application.yml).
 *
 * @param listenerConcurrency consumers of plan.requested
 * @param scenarioConcurrency consumers of scenario.requested
 * @param cachedScenarios scenarios running at once that keep their engine built
 * @param cachedAssumptions requests' own assumptions (distinct patches) that keep their
 * engine built
 * @param estimateSlo buckets, in US dollars, of the {@code stackplan.cost.estimate}
 * histogram
 */
@ConfigurationProperties("stackplan.costing")
@Validated
public record CostingProperties(@Positive int listenerConcurrency, @Positive int scenarioConcurrency,
		@Positive int cachedScenarios, @Positive int cachedAssumptions, @NotEmpty List<Double> estimateSlo) {

	public CostingProperties {
		estimateSlo = (estimateSlo != null) ? List.copyOf(estimateSlo) : List.of();
	}

}
