/** What-if scenarios: costing replayed requests under changed knowledge. */
@NullMarked
package dev.stackplan.costing.scenario;

import org.jspecify.annotations.NullMarked;
