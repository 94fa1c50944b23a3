package dev.stackplan.kit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a client may hold a connection without sending: a connection that trickles its
 * headers or body, or idles between requests, is closed instead of held open.
 *
 * @param idleTimeout a kept-alive connection with no request in progress is closed after
 * this (a request whose headers have not all arrived counts as none)
 * @param readTimeout the longest pause between two reads of one request
 * @param requestTimeout the longest the whole request may take to arrive
 * @param maxConnectionsPerAddress connections one remote address may hold open at once;
 * one more is closed as it opens (the gateway's pool to intake holds up to 512)
 */
@ConfigurationProperties("stackplan.http")
public record HttpEdgeProperties(@DefaultValue("20s") Duration idleTimeout, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue("30s") Duration requestTimeout, @DefaultValue("1024") int maxConnectionsPerAddress) {

}
