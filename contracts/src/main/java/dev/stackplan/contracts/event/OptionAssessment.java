package dev.stackplan.contracts.event;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One stack option, scored.
 *
 * @param option option id, e.g. DJANGO
 * @param score weighted score, 0-100
 * @param eligible whether the option may be recommended for this team
 * @param ineligibility why not, with its source; null when eligible
 * @param factors the factor breakdown behind the score
 * @param condition what the team must add for the option to be eligible, when it is
 * eligible only on a condition; absent (not written) otherwise
 */
public record OptionAssessment(String option, BigDecimal score, boolean eligible, @Nullable SourcedText ineligibility,
		List<FactorScore> factors,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable EligibilityCondition condition) {

	public OptionAssessment {
		factors = List.copyOf(factors);
	}

	/** An option eligible or not, without a condition. */
	public OptionAssessment(String option, BigDecimal score, boolean eligible, @Nullable SourcedText ineligibility,
			List<FactorScore> factors) {
		this(option, score, eligible, ineligibility, factors, null);
	}

}
