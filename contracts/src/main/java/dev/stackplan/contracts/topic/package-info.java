/** Topic names and wire type tokens. */
@NullMarked
package dev.stackplan.contracts.topic;

import org.jspecify.annotations.NullMarked;
