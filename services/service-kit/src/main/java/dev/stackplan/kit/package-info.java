/**
 * Kafka wiring every service shares: topics, JSON with wire type tokens, dead letters.
 */
@NullMarked
package dev.stackplan.kit;

import org.jspecify.annotations.NullMarked;
