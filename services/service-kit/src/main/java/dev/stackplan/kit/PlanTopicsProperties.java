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
 */
@ConfigurationProperties("stackplan.topics")
public record PlanTopicsProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicas,
		@DefaultValue("2") int retryAttempts, @DefaultValue("200") long retryIntervalMs,
		@DefaultValue("2s") Duration probeTimeout) {

}
