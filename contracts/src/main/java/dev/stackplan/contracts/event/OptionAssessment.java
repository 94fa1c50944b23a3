package dev.stackplan.contracts.event;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One stack option, scored.
 *
 * @param option option id, e.g. DJANGO
 * @param score weighted score, 0-100
 * @param eligible whether the option may be recommended for this team
 * @param ineligibility why not, with its source; null when eligible
 * @param factors the factor breakdown behind the score
 */
public record OptionAssessment(String option, BigDecimal score, boolean eligible, @Nullable SourcedText ineligibility,
		List<FactorScore> factors) {

	public OptionAssessment {
		factors = List.copyOf(factors);
	}

}
