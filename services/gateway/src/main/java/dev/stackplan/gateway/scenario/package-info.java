/**
 * What-if scenarios: replays of past plan requests under changed knowledge, compared with
 * their baseline.
 */
@NullMarked
package dev.stackplan.gateway.scenario;

import org.jspecify.annotations.NullMarked;
