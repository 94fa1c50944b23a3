/** API clients: authentication by API key, roles and the per-key rate limit. */
@NullMarked
package dev.stackplan.gateway.client;

import org.jspecify.annotations.NullMarked;
