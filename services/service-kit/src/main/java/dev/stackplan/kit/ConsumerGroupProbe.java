package dev.stackplan.kit;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * Looks at consumer groups from outside, through the broker: how far behind the end of a
 * topic each one is, and whether it has any member at all. Every call is bounded, so a
 * broker that does not answer makes a probe fail quickly instead of hanging its caller.
 */
public class ConsumerGroupProbe implements AutoCloseable {

	private final Admin admin;

	private final Duration timeout;

	public ConsumerGroupProbe(Admin admin, Duration timeout) {
		this.admin = admin;
		this.timeout = timeout;
	}

	/**
	 * What the broker knows of one group on one topic.
	 *
	 * @param alive the group has at least one member
	 * @param backlog records on the topic past the group's committed offsets; null when
	 * the group has committed nothing on it (it never ran)
	 */
	public record GroupState(boolean alive, @Nullable Long backlog) {

	}

	/**
	 * Each group's state on the topic.
	 * @throws ProbeFailedException when the broker did not answer within the bound
	 */
	public Map<String, GroupState> probe(Collection<String> groups, String topic) {
		try {
			long deadline = System.nanoTime() + this.timeout.toNanos();
			Map<String, KafkaFuture<ConsumerGroupDescription>> described = this.admin.describeConsumerGroups(groups)
				.describedGroups();
			Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
			groups.forEach((group) -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
			ListConsumerGroupOffsetsResult offsets = this.admin.listConsumerGroupOffsets(specs);
			Map<String, Boolean> alive = new HashMap<>();
			Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
			for (String group : groups) {
				ConsumerGroupDescription description = orNullIfUnknown(described.get(group), deadline);
				alive.put(group, description != null && !description.members().isEmpty());
				Map<TopicPartition, OffsetAndMetadata> groupOffsets = orNullIfUnknown(
						offsets.partitionsToOffsetAndMetadata(group), deadline);
				committed.put(group, (groupOffsets != null) ? groupOffsets : Map.of());
			}
			Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
			committed.values()
				.forEach((groupOffsets) -> groupOffsets.keySet()
					.stream()
					.filter((partition) -> partition.topic().equals(topic))
					.forEach((partition) -> ends.put(partition, OffsetSpec.latest())));
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> endOffsets = ends.isEmpty() ? Map.of()
					: this.admin.listOffsets(ends).all().get(remaining(deadline), TimeUnit.NANOSECONDS);
			Map<String, GroupState> states = new LinkedHashMap<>();
			for (String group : groups) {
				Long backlog = null;
				for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : committed.get(group).entrySet()) {
					if (offset.getKey().topic().equals(topic) && offset.getValue() != null
							&& endOffsets.containsKey(offset.getKey())) {
						long behind = Math.max(0,
								endOffsets.get(offset.getKey()).offset() - offset.getValue().offset());
						backlog = ((backlog != null) ? backlog : 0L) + behind;
					}
				}
				states.put(group, new GroupState(alive.get(group), backlog));
			}
			return states;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProbeFailedException("Interrupted while probing consumer groups", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new ProbeFailedException("The broker did not describe consumer groups " + groups + " within "
					+ this.timeout.toMillis() + " ms", ex);
		}
	}

	/** A group the broker does not know has never run: no members, nothing committed. */
	private static <T> @Nullable T orNullIfUnknown(KafkaFuture<T> future, long deadline)
			throws InterruptedException, ExecutionException, TimeoutException {
		try {
			return future.get(remaining(deadline), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupIdNotFoundException) {
				return null;
			}
			throw ex;
		}
	}

	private static long remaining(long deadline) {
		return Math.max(0, deadline - System.nanoTime());
	}

	@Override
	public void close() {
		this.admin.close(this.timeout);
	}

	/** The broker did not answer a probe in time. */
	public static class ProbeFailedException extends RuntimeException {

		ProbeFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
