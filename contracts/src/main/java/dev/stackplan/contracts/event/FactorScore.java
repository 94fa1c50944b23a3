package dev.stackplan.contracts.event;

import java.math.BigDecimal;
import java.util.List;

/**
 * One factor of one option.
 *
 * @param factor factor id, e.g. BUILT_IN_ADMIN
 * @param weight the factor's share of the total, 0-1, the same for every option
 * @param score how well the option does on this factor, 0-100
 * @param evidence what the source says about this option
 * @param source where the evidence comes from, e.g. article:20
 * @param weightReasons why the factor weighs what it does for this profile
 * @param scoreSource where the score comes from, usually an {@code assumption:ID}
 */
public record FactorScore(String factor, BigDecimal weight, BigDecimal score, String evidence, String source,
		List<SourcedText> weightReasons, String scoreSource) {

	public FactorScore {
		weightReasons = List.copyOf(weightReasons);
	}

}
