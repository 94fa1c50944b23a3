/**
 * The knowledge base as data: loading, versioning, what-if overrides and source
 * references.
 */
@NullMarked
package dev.stackplan.contracts.knowledge;

import org.jspecify.annotations.NullMarked;
