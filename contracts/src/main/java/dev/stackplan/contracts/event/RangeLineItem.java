package dev.stackplan.contracts.event;

/**
 * One line of a cost breakdown known as a range.
 *
 * @param item stable id of the line
 * @param label what the line is
 * @param amountUsd amount range in US dollars, two decimals
 * @param source where the figure comes from
 */
public record RangeLineItem(String item, String label, UsdRange amountUsd, String source) {

}
