package dev.stackplan.contracts.event;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanStatusTests {

	@Test
	void onlyCompleteAndFailedAreFinalAPartialPlanMayStillComplete() {
		assertThat(Arrays.stream(PlanStatus.values()).filter(PlanStatus::isFinal)).containsExactly(PlanStatus.COMPLETE,
				PlanStatus.FAILED);
	}

	@Test
	void everyStatusButPendingIsSettled() {
		assertThat(Arrays.stream(PlanStatus.values()).filter(PlanStatus::isSettled))
			.containsExactly(PlanStatus.COMPLETE, PlanStatus.PARTIAL, PlanStatus.FAILED);
	}

}
