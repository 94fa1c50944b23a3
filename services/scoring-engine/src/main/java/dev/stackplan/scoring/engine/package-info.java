/**
 * The framework scoring engine: a pure function of a plan request and a decision pack
 * read from the knowledge base. No Spring, no Kafka, no reactor in here.
 */
@NullMarked
package dev.stackplan.scoring.engine;

import org.jspecify.annotations.NullMarked;
