package dev.stackplan.gateway.scenario;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How gateway instances share the scenarios they drive (defaults in application.yml).
 *
 * @param instanceId names this gateway instance on the scenarios it drives; unique per
 * running instance
 * @param lease how long a claim on a scenario holds without renewal; after that another
 * instance takes the scenario over, so this is also how long a scenario pauses when its
 * gateway dies
 * @param heartbeat how often an instance renews its leases and looks for scenarios whose
 * lease ran out; well under the lease
 * @param maxDriven scenarios one instance drives at once
 * @param publishChunk replayed requests sent before the progress is stored; a resumed
 * scenario sends again at most this many
 * @param publishTimeout how long the broker may take to acknowledge one chunk
 * @param longest a scenario not finished this long after it was created fails
 * @param maxTakeovers a scenario whose lease ran out this many times fails instead of
 * being taken over again (its replay is likely what stops the gateways)
 * @param scanBatch records one poll of a scan of plan.requested takes at most
 * @param scanPoll how long one poll of that scan waits for records
 */
@ConfigurationProperties("stackplan.gateway.scenarios")
record ScenarioProperties(String instanceId, Duration lease, Duration heartbeat, int maxDriven, int publishChunk,
		Duration publishTimeout, Duration longest, int maxTakeovers, int scanBatch, Duration scanPoll) {

	ScenarioProperties {
		Objects.requireNonNull(instanceId, "stackplan.gateway.scenarios.instance-id");
		Objects.requireNonNull(lease, "stackplan.gateway.scenarios.lease");
		Objects.requireNonNull(heartbeat, "stackplan.gateway.scenarios.heartbeat");
		Objects.requireNonNull(publishTimeout, "stackplan.gateway.scenarios.publish-timeout");
		Objects.requireNonNull(longest, "stackplan.gateway.scenarios.longest");
		Objects.requireNonNull(scanPoll, "stackplan.gateway.scenarios.scan-poll");
		if (heartbeat.compareTo(lease) >= 0) {
			throw new IllegalArgumentException("stackplan.gateway.scenarios.heartbeat must be shorter than the lease");
		}
		if (maxDriven < 1 || publishChunk < 1 || maxTakeovers < 1 || scanBatch < 1) {
			throw new IllegalArgumentException(
					"stackplan.gateway.scenarios.max-driven, publish-chunk, max-takeovers and scan-batch must be at least 1");
		}
	}

}
