/**
 * The cost engine: turns a plan request into a staffing plan per stack option and prices
 * it with on-demand weekly engineers and with US full-time hires. Pure and deterministic;
 * every figure comes from the knowledge base's {@code cost} document.
 */
@NullMarked
package dev.stackplan.costing.engine;

import org.jspecify.annotations.NullMarked;
