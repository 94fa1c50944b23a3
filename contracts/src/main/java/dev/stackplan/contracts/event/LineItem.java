package dev.stackplan.contracts.event;

import java.math.BigDecimal;

/**
 * One exact line of a cost breakdown; negative for credits.
 *
 * @param item stable id of the line, e.g. SENIOR_WEEKS
 * @param label what the line is
 * @param amountUsd amount in US dollars, two decimals
 * @param source where the figure comes from
 */
public record LineItem(String item, String label, BigDecimal amountUsd, String source) {

}
