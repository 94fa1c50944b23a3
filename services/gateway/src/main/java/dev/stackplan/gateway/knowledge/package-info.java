/**
 * The knowledge a plan cites, as readers need it: the article's lines, the declared
 * assumptions and references, and the figures a scenario may override.
 */
@NullMarked
package dev.stackplan.gateway.knowledge;

import org.jspecify.annotations.NullMarked;
