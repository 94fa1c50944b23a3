package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.stackplan.contracts.event.OptionCost;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The compact cost that travels on the log is what the full estimate comes to: the same
 * bookings and the same totals to the cent, whatever the profile; and a cost this
 * document does not come to is refused when rendered.
 */
class CostEngineDecisionTests {

	private final CostEngine engine = CostFixtures.engine();

	@Test
	void theCompactCostOfEveryProfileIsTheBookingsAndTotalsOfItsFullEstimate() {
		int checked = 0;
		for (PlanRequest request : profiles()) {
			List<OptionCost> decided = this.engine.decide(request, CostFixtures.OPTIONS);
			List<StaffingEstimate> estimated = this.engine.estimate(request, CostFixtures.OPTIONS);
			assertThat(decided).hasSameSizeAs(estimated);
			for (int i = 0; i < decided.size(); i++) {
				OptionCost cost = decided.get(i);
				StaffingEstimate estimate = estimated.get(i);
				assertThat(cost.option()).isEqualTo(estimate.option());
				assertThat(cost.bookings()).extracting(OptionCost.Booked::role)
					.containsExactlyElementsOf(estimate.roles().stream().map((role) -> role.id()).toList());
				assertThat(cost.onDemandUsd()).isEqualTo(estimate.onDemand().totalUsd());
				assertThat(cost.fullTimeUsd()).isEqualTo(estimate.fullTime().totalUsd());
				assertThat(this.engine.render(request, cost)).isEqualTo(estimate);
				checked++;
			}
		}
		assertThat(checked).isEqualTo(profiles().size() * 3);
	}

	@Test
	void aCostThisDocumentDoesNotComeToIsRefused() {
		PlanRequest request = profiles().get(0);
		OptionCost cost = this.engine.decide(request, CostFixtures.OPTIONS).get(0);
		OptionCost other = new OptionCost(cost.option(), cost.bookings(), cost.onDemandUsd().add(BigDecimal.ONE),
				cost.fullTimeUsd());

		assertThatIllegalArgumentException().isThrownBy(() -> this.engine.render(request, other))
			.withMessageContaining("computed with other knowledge");
	}

	private static List<PlanRequest> profiles() {
		List<PlanRequest> requests = new ArrayList<>();
		for (ProductKind kind : ProductKind.values()) {
			for (ExistingFramework existing : ExistingFramework.values()) {
				for (int engineers : new int[] { 0, 1, 4, 12 }) {
					List<Feature> features = List.of(Feature.values())
						.subList(0, 1 + (engineers % Feature.values().length));
					requests.add(new PlanRequest(new ProductProfile("P", kind, features, 100 * engineers, existing),
							new Team(engineers, Math.min(2, engineers)), 1 + engineers * 8,
							(engineers % 2 == 0) ? null : new BigDecimal("75000")));
				}
			}
		}
		return requests;
	}

}
