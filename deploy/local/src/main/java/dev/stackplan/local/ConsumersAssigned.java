package dev.stackplan.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until every pipeline group has every partition of a topic assigned: "ready" means
 * a plan posted now is consumed now, not after the groups' first rebalances (or, after a
 * crash, after the broker gave up the crashed run's members).
 */
final class ConsumersAssigned {

	private static final Duration POLL = Duration.ofMillis(250);

	private static final int REQUEST_TIMEOUT_MS = 2000;

	private ConsumersAssigned() {
	}

	/**
	 * @return false when the groups were not all assigned within the timeout
	 */
	static boolean await(String bootstrapServers, Collection<String> groups, String topic, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS))) {
			while (Instant.now().isBefore(deadline)) {
				try {
					int partitions = admin.describeTopics(Set.of(topic))
						.allTopicNames()
						.get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS)
						.get(topic)
						.partitions()
						.size();
					Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups)
						.all()
						.get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
					if (described.values().stream().allMatch((group) -> assigned(group, topic) == partitions)) {
						return true;
					}
				}
				catch (Exception ex) {
					// not yet: the groups or the topic are still being set up
				}
				Thread.sleep(POLL.toMillis());
			}
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static long assigned(ConsumerGroupDescription group, String topic) {
		if (group.groupState() != GroupState.STABLE) {
			return -1;
		}
		return group.members()
			.stream()
			.map(MemberDescription::assignment)
			.flatMap((assignment) -> assignment.topicPartitions().stream())
			.filter((partition) -> partition.topic().equals(topic))
			.map(TopicPartition::partition)
			.collect(Collectors.toSet())
			.size();
	}

}
