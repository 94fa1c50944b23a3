/** Plan requests: validation, normalisation and durable acceptance. */
@NullMarked
package dev.stackplan.intake.plan;

import org.jspecify.annotations.NullMarked;
