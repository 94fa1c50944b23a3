package dev.stackplan.gateway.scenario;

/**
 * What {@code POST /api/v1/scenarios} answers: the scenario it started (202), or what a
 * dry run would replay (200). Written by its runtime type, so each is the JSON of its own
 * record.
 */
sealed interface ScenarioPostAnswer permits ScenarioView, ScenarioController.DryRun {

}
