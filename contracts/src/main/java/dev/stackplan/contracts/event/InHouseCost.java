package dev.stackplan.contracts.event;

/**
 * What the in-house engineers who fill seats of the plan cost the company: in neither the
 * on-demand nor the full-time total, shown so that a plan staffed in-house does not look
 * free.
 *
 * @param engineers in-house engineers who fill a seat
 * @param engineerWeeks the weeks they fill, added up
 * @param loadedUsd their loaded salaries for those weeks, low to high
 * @param source the rule that prices them
 */
public record InHouseCost(int engineers, int engineerWeeks, UsdRange loadedUsd, String source) {

}
