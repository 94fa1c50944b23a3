/** Real infrastructure for tests. */
@NullMarked
package dev.stackplan.testsupport;

import org.jspecify.annotations.NullMarked;
