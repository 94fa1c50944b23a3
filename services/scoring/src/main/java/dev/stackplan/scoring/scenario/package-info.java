/** What-if scenarios: scoring replayed requests under changed knowledge. */
@NullMarked
package dev.stackplan.scoring.scenario;

import org.jspecify.annotations.NullMarked;
