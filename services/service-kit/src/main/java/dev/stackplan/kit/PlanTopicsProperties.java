package dev.stackplan.kit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the plan topics are laid out. Every plan topic gets the same partition count so
 * that partition N of each holds the same plans (co-partitioning): scale out means more
 * partitions and more instances.
 *
 * @param partitions partitions of every plan topic and its dead-letter topic
 * @param replicas replication factor
 * @param retryAttempts how often a failing record is retried before it goes to its
 * dead-letter topic
 * @param retryIntervalMs pause between retries
 * @param probeTimeout bound on one look at the consumer groups' state through the broker
 * @param acknowledgementTimeout the longest a publish waits for the broker's
 * acknowledgement (intake, which answers a client meanwhile, sets it low)
 * @param transientRetryMaxInterval a record that failed because a dependency is away (the
 * database froze, the broker went) is retried without end, at pauses growing to this
 * bound: it is not a bad record, and dead-lettering it would lose a plan
 * @param consumerSessionTimeout how long the broker waits for a consumer that stopped
 * sending heartbeats (killed, frozen) before its partitions go to the others: also how
 * long a service restarted after a crash waits for its old self to be given up
 */
@ConfigurationProperties("stackplan.topics")
public record PlanTopicsProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicas,
		@DefaultValue("2") int retryAttempts, @DefaultValue("200") long retryIntervalMs,
		@DefaultValue("2s") Duration probeTimeout, @DefaultValue("15s") Duration acknowledgementTimeout,
		@DefaultValue("5s") Duration transientRetryMaxInterval, @DefaultValue("10s") Duration consumerSessionTimeout) {

}
