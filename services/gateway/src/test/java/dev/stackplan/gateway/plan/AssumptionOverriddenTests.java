package dev.stackplan.gateway.plan;

import java.util.List;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A plan lists each figure its request overrode beside the documented one and where that
 * comes from: the nearest source declared around the figure.
 */
class AssumptionOverriddenTests {

	private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.load();

	private static final PlanRequest REQUEST = new PlanRequest(
			new ProductProfile("Acme", ProductKind.SAAS, List.of(), 10, ExistingFramework.NONE), new Team(0, 0), 12,
			null);

	@Test
	void eachOverriddenFigureIsListedWithTheDocumentedValueAndItsSource() {
		PlanRequest assumed = REQUEST.withAssumptions(JsonMapper.builder().build().readTree("""
				{"fullTime": {"salaries": {"SENIOR": {"lowUsd": 150000}}},
				 "staffing": {"DJANGO": {"roles": {"FEATURE_WORK": {"sizing": {"featuresPerEngineer": 4}}}}}}
				"""));

		assertThat(AssumptionOverridden.of(KNOWLEDGE, assumed))
			.extracting(AssumptionOverridden::key, (item) -> item.documentedValue().toPlainString(),
					(item) -> item.usedValue().toPlainString(), AssumptionOverridden::documentedSource)
			.containsExactly(tuple("fullTime.salaries.SENIOR.lowUsd", "180000", "150000", "article:50"),
					tuple("staffing.DJANGO.roles.FEATURE_WORK.sizing.featuresPerEngineer", "3", "4",
							"assumption:FEATURE_LOAD"));
	}

	@Test
	void aRequestOnTheDocumentedFiguresListsNone() {
		assertThat(AssumptionOverridden.of(KNOWLEDGE, REQUEST)).isEmpty();
		assertThat(AssumptionOverridden.of(KNOWLEDGE, null)).isEmpty();
	}

}
