/** The whole platform on one machine, and its end-to-end tests. */
@NullMarked
package dev.stackplan.local;

import org.jspecify.annotations.NullMarked;
