/**
 * The events that flow between the services, one record per event type and version; their
 * language-neutral schemas live in {@code schemas/} beside the classes.
 */
@NullMarked
package dev.stackplan.contracts.event;

import org.jspecify.annotations.NullMarked;
