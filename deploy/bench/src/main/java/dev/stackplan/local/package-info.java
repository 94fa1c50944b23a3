/** The benchmark's launcher of the local platform's broker and embedded Postgres. */
@NullMarked
package dev.stackplan.local;

import org.jspecify.annotations.NullMarked;
