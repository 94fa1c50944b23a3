/** Plans: scoring requests as they arrive. */
@NullMarked
package dev.stackplan.scoring.plan;

import org.jspecify.annotations.NullMarked;
