package dev.stackplan.scoring.engine;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import org.jspecify.annotations.Nullable;

/**
 * What a rule condition may ask about a plan request. Features are a set, so their order
 * and duplicates in the request cannot change a result.
 *
 * @param recommendation the recommended option; known only once the options are ranked,
 * which is when advice rules are evaluated
 */
record ProfileFacts(ProductKind kind, Set<Feature> features, int expectedRps, int engineers, int seniorEngineers,
		int timelineWeeks, ExistingFramework existingFramework, @Nullable String recommendation) {

	static ProfileFacts of(PlanRequest request) {
		Set<Feature> features = EnumSet.noneOf(Feature.class);
		features.addAll(request.product().features());
		return new ProfileFacts(request.product().kind(), Collections.unmodifiableSet(features),
				request.product().expectedRps(), request.team().engineers(), request.team().seniorEngineers(),
				request.timelineWeeks(), request.product().existingFramework(), null);
	}

	ProfileFacts withRecommendation(String option) {
		return new ProfileFacts(this.kind, this.features, this.expectedRps, this.engineers, this.seniorEngineers,
				this.timelineWeeks, this.existingFramework, option);
	}

}
