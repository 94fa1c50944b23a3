package dev.stackplan.contracts.profile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TeamTests {

	@Test
	void seniorsAreCountedAmongTheEngineers() {
		assertThat(new Team(3, 3).seniorEngineers()).isEqualTo(3);
		assertThat(new Team(0, 0).engineers()).isZero();
	}

	@Test
	void aTeamWithMoreSeniorsThanEngineersIsRefusedNamingTheSeniors() {
		assertThatExceptionOfType(Team.InvalidTeamException.class).isThrownBy(() -> new Team(2, 3)).satisfies((ex) -> {
			assertThat(ex.field()).isEqualTo("seniorEngineers");
			assertThat(ex.rule())
				.isEqualTo("must not exceed team.engineers (2): seniors are counted among the engineers");
		});
	}

	@Test
	void negativeCountsAreRefusedNamingTheField() {
		assertThatExceptionOfType(Team.InvalidTeamException.class).isThrownBy(() -> new Team(-1, 0))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("engineers"));
		assertThatExceptionOfType(Team.InvalidTeamException.class).isThrownBy(() -> new Team(1, -1))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("seniorEngineers"));
	}

}
