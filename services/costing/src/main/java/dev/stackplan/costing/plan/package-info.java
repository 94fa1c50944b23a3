/** Plans: costing requests as they arrive. */
@NullMarked
package dev.stackplan.costing.plan;

import org.jspecify.annotations.NullMarked;
