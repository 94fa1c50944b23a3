/**
 * The internal HTTP seam between the gateway and intake: the path, the headers and the
 * answer to an accepted request, declared once for both sides.
 */
@NullMarked
package dev.stackplan.contracts.intake;

import org.jspecify.annotations.NullMarked;
