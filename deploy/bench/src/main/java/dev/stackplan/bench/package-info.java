/**
 * The platform benchmark: an open-loop constant-rate load generator on HdrHistogram and
 * the measurements around it (database, broker log, processes), run by
 * {@code deploy/bench/platform.sh}.
 */
@NullMarked
package dev.stackplan.bench;

import org.jspecify.annotations.NullMarked;
