/** The API documentation: the OpenAPI contract and a UI over it. */
@NullMarked
package dev.stackplan.gateway.docs;

import org.jspecify.annotations.NullMarked;
