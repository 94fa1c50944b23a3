package dev.stackplan.scoring.engine;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;

import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.ProductKind;
import org.jspecify.annotations.Nullable;

/**
 * A condition on the profile, from the small vocabulary a pack may use; a new pack is
 * pure data as long as it speaks this vocabulary.
 */
sealed interface Condition {

	boolean holds(ProfileFacts facts);

	/**
	 * Reports every bound of a profile number this condition tests, as the number's name
	 * and the first value on the holding side of the bound ({@code atLeast}) or the first
	 * value past it ({@code below}): the values where the condition can start or stop
	 * holding.
	 */
	default void bounds(BiConsumer<String, Integer> bound) {
	}

	/** Whether it asks for the ranking's outcome, which only advice rules may. */
	default boolean asksForRecommendation() {
		return false;
	}

	/** Every clause of a {@code when} object must hold; an empty one always holds. */
	record AllOf(List<Condition> clauses) implements Condition {

		@Override
		public boolean holds(ProfileFacts facts) {
			return this.clauses.stream().allMatch((clause) -> clause.holds(facts));
		}

		@Override
		public void bounds(BiConsumer<String, Integer> bound) {
			this.clauses.forEach((clause) -> clause.bounds(bound));
		}

		@Override
		public boolean asksForRecommendation() {
			return this.clauses.stream().anyMatch(Condition::asksForRecommendation);
		}

	}

	record AnyOf(List<Condition> alternatives) implements Condition {

		@Override
		public boolean holds(ProfileFacts facts) {
			return this.alternatives.stream().anyMatch((alternative) -> alternative.holds(facts));
		}

		@Override
		public void bounds(BiConsumer<String, Integer> bound) {
			this.alternatives.forEach((alternative) -> alternative.bounds(bound));
		}

		@Override
		public boolean asksForRecommendation() {
			return this.alternatives.stream().anyMatch(Condition::asksForRecommendation);
		}

	}

	record KindIn(Set<ProductKind> kinds) implements Condition {

		@Override
		public boolean holds(ProfileFacts facts) {
			return this.kinds.contains(facts.kind());
		}

	}

	record FeaturesAny(Set<Feature> features) implements Condition {

		@Override
		public boolean holds(ProfileFacts facts) {
			return this.features.stream().anyMatch(facts.features()::contains);
		}

	}

	record FeaturesAll(Set<Feature> features) implements Condition {

		@Override
		public boolean holds(ProfileFacts facts) {
			return facts.features().containsAll(this.features);
		}

	}

	record FeatureCount(Set<Feature> of, int atLeast) implements Condition {

		@Override
		public boolean holds(ProfileFacts facts) {
			return this.of.stream().filter(facts.features()::contains).count() >= this.atLeast;
		}

	}

	/**
	 * A number of the profile within {@code [atLeast, below)}; either bound may be open.
	 */
	record Within(String name, ToIntFunction<ProfileFacts> number, @Nullable Integer atLeast,
			@Nullable Integer below) implements Condition {

		@Override
		public boolean holds(ProfileFacts facts) {
			int value = this.number.applyAsInt(facts);
			return (this.atLeast == null || value >= this.atLeast) && (this.below == null || value < this.below);
		}

		@Override
		public void bounds(BiConsumer<String, Integer> bound) {
			if (this.atLeast != null) {
				bound.accept(this.name, this.atLeast);
			}
			if (this.below != null) {
				bound.accept(this.name, this.below);
			}
		}

	}

	record ExistingFrameworkIn(Set<ExistingFramework> frameworks) implements Condition {

		@Override
		public boolean holds(ProfileFacts facts) {
			return this.frameworks.contains(facts.existingFramework());
		}

	}

	record RecommendationIn(Set<String> options) implements Condition {

		@Override
		public boolean holds(ProfileFacts facts) {
			return facts.recommendation() != null && this.options.contains(facts.recommendation());
		}

		@Override
		public boolean asksForRecommendation() {
			return true;
		}

	}

}
