package dev.stackplan.contracts.profile;

import java.util.List;

/**
 * The product being planned.
 *
 * @param name display name
 * @param kind what is being built
 * @param features capabilities it needs, normalised by intake to a sorted, distinct list
 * @param expectedRps expected peak requests per second
 * @param existingFramework the framework an existing code base uses
 */
public record ProductProfile(String name, ProductKind kind, List<Feature> features, int expectedRps,
		ExistingFramework existingFramework) {

	public ProductProfile {
		features = List.copyOf(features);
	}

	public boolean has(Feature feature) {
		return this.features.contains(feature);
	}

}
