/** API clients: authentication by API key, roles, and problem responses from filters. */
@NullMarked
package dev.stackplan.gateway.client;

import org.jspecify.annotations.NullMarked;
