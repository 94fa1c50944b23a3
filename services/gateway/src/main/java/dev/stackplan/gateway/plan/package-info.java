/** Plans: the public API, the read model and the join of their halves. */
@NullMarked
package dev.stackplan.gateway.plan;

import org.jspecify.annotations.NullMarked;
