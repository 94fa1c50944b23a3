package dev.stackplan.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gateway settings.
 *
 * @param intakeUrl base URL of the intake service
 * @param intakeTimeout how long to wait for intake (which waits for the broker's
 * acknowledgement)
 * @param storeTimeout how long a listener waits for the read model
 * @param latencySlo histogram buckets of the request-to-plan latency; the service level
 * objective is the p99 under 5 s
 * @param maxWait the longest {@code Prefer: wait} honoured
 * @param eventStreamTimeout the longest a plan's event stream stays open
 * @param defaultPageSize the page size of a list without {@code limit}
 * @param maxPageSize the largest {@code limit} of a list
 * @param planTimeout how long a plan may wait for its halves before it is PARTIAL (a late
 * half still completes it)
 * @param intakeToken the secret intake expects from the gateway on every call; the same
 * value as intake's {@code stackplan.intake.internal-token}
 * @param intakeConnections connections to intake at once; with intake's latency this
 * bounds the accept rate (Little's law), so it must exceed the target rate times that
 * latency (Reactor Netty's default pool holds 16 on two cores)
 * @param intakePendingAcquires calls that may wait for a connection before the next is
 * refused at once
 */
@ConfigurationProperties("stackplan.gateway")
public record GatewayProperties(@DefaultValue("http://127.0.0.1:8081") URI intakeUrl,
		@DefaultValue("5s") Duration intakeTimeout, @DefaultValue("10s") Duration storeTimeout, @DefaultValue( {
				"100ms", "250ms", "500ms", "1s", "2s", "5s", "10s" }) List<Duration> latencySlo,
		@DefaultValue("30s") Duration maxWait, @DefaultValue("5m") Duration eventStreamTimeout,
		@DefaultValue("20") int defaultPageSize, @DefaultValue("100") int maxPageSize,
		@DefaultValue("30s") Duration planTimeout, String intakeToken, @DefaultValue("512") int intakeConnections,
		@DefaultValue("4096") int intakePendingAcquires){

	public GatewayProperties {
		if (intakeToken == null || intakeToken.isBlank()) {
			throw new IllegalArgumentException("stackplan.gateway.intake-token (STACKPLAN_INTERNAL_TOKEN) must be set");
		}
	}

}
