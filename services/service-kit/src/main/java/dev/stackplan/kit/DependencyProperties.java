package dev.stackplan.kit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the broker and the database are watched, and how long a request may wait for them.
 *
 * @param checkInterval how often each dependency is looked at
 * @param checkTimeout the longest one look may take before the dependency counts as away
 * @param requestTimeout the longest a request waits for one call to the database; past it
 * the answer is a 503, and the database counts as away until the next good look
 * @param retryAfter what a client refused for a missing dependency is told to wait
 * @param warmUpTimeout the longest a start waits for the database pool's first
 * connections: a database slow to give them does not hold up a start
 */
@ConfigurationProperties("stackplan.dependencies")
public record DependencyProperties(@DefaultValue("250ms") Duration checkInterval,
		@DefaultValue("1s") Duration checkTimeout, @DefaultValue("1s") Duration requestTimeout,
		@DefaultValue("2s") Duration retryAfter, @DefaultValue("10s") Duration warmUpTimeout) {

}
