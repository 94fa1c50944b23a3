package dev.stackplan.contracts.profile;

/**
 * The in-house team today. Seniors are counted among the engineers, so a team never has
 * more seniors than engineers; a team that would is refused where it is made.
 *
 * @param engineers all engineers, seniors included
 * @param seniorEngineers how many of them are senior
 */
public record Team(int engineers, int seniorEngineers) {

	public Team {
		if (engineers < 0) {
			throw new InvalidTeamException("engineers", "must be at least 0");
		}
		if (seniorEngineers < 0) {
			throw new InvalidTeamException("seniorEngineers", "must be at least 0");
		}
		if (seniorEngineers > engineers) {
			throw new InvalidTeamException("seniorEngineers",
					"must not exceed team.engineers (" + engineers + "): seniors are counted among the engineers");
		}
	}

	/**
	 * A team that cannot be: the field at fault and the rule it breaks.
	 */
	public static final class InvalidTeamException extends IllegalArgumentException {

		private final String field;

		private final String rule;

		InvalidTeamException(String field, String rule) {
			super("team." + field + " " + rule);
			this.field = field;
			this.rule = rule;
		}

		/**
		 * The field at fault, within the team.
		 * @return engineers or seniorEngineers
		 */
		public String field() {
			return this.field;
		}

		/**
		 * The rule the field breaks, as a client reads it.
		 * @return the rule
		 */
		public String rule() {
			return this.rule;
		}

	}

}
