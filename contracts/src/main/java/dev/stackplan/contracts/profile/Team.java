package dev.stackplan.contracts.profile;

/**
 * The in-house team today.
 *
 * @param engineers all engineers, seniors included
 * @param seniorEngineers how many of them are senior
 */
public record Team(int engineers, int seniorEngineers) {

}
