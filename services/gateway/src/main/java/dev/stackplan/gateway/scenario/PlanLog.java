package dev.stackplan.gateway.scenario;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.topic.PlanEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads past plan requests back from the {@code plan.requested} log, not from a copy: a
 * consumer with no group and manually assigned partitions, so no production offset moves.
 * A time range starts at the offsets for its start time; every scan ends at the log's end
 * as it was when the scan began.
 */
@Component
class PlanLog {

	private static final Log logger = LogFactory.getLog(PlanLog.class);

	private final KafkaProperties kafka;

	private final JsonMapper json;

	private final ScenarioProperties properties;

	PlanLog(KafkaProperties kafka, JsonMapper json, ScenarioProperties properties) {
		this.properties = properties;
		this.kafka = kafka;
		this.json = json;
	}

	/**
	 * What a scan found.
	 *
	 * @param requests how many requests it selected (each plan once)
	 * @param firstRequestedAt the earliest selected request
	 * @param lastRequestedAt the latest selected request
	 * @param endOffsets where the scan ended, by partition: a scan to the same offsets
	 * selects the same requests
	 */
	record Scan(int requests, @Nullable Instant firstRequestedAt, @Nullable Instant lastRequestedAt,
			Map<Integer, Long> endOffsets) {

	}

	/** What a scan to the log's end as it is now would select, without keeping it. */
	Scan count(ScenarioSource source) {
		return scan(source, null, null);
	}

	/**
	 * Scans to the log's end as it is now or, to select again what an earlier scan
	 * selected, to that scan's end offsets.
	 */
	Scan scan(ScenarioSource source, @Nullable Map<Integer, Long> endAt, @Nullable Consumer<PlanRequested> each) {
		Map<String, Object> config = new HashMap<>(this.kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, this.properties.scanBatch());
		BiPredicate<PlanRequested, Instant> selected = source.selector();
		Set<UUID> seen = new HashSet<>();
		Instant first = null;
		Instant last = null;
		Map<TopicPartition, Long> end;
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(PlanEvent.PLAN_REQUESTED.topic())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.filter((partition) -> endAt == null || endAt.containsKey(partition.partition()))
				.toList();
			consumer.assign(partitions);
			end = new HashMap<>(consumer.endOffsets(partitions));
			if (endAt != null) {
				end.replaceAll((partition, logEnd) -> Math.min(logEnd, endAt.get(partition.partition())));
			}
			seekToStart(consumer, partitions, end, source.from());
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(this.properties.scanPoll())) {
					TopicPartition partition = new TopicPartition(record.topic(), record.partition());
					if (record.offset() >= end.get(partition) || record.value() == null) {
						continue;
					}
					PlanRequested request = parse(record);
					Instant loggedAt = Instant.ofEpochMilli(record.timestamp());
					if (request != null && selected.test(request, loggedAt) && seen.add(request.planId())) {
						if (each != null) {
							each.accept(request);
						}
						first = (first == null || loggedAt.isBefore(first)) ? loggedAt : first;
						last = (last == null || loggedAt.isAfter(last)) ? loggedAt : last;
					}
				}
			}
		}
		Map<Integer, Long> endOffsets = new TreeMap<>();
		end.forEach((partition, offset) -> endOffsets.put(partition.partition(), offset));
		return new Scan(seen.size(), first, last, endOffsets);
	}

	private static void seekToStart(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
			Map<TopicPartition, Long> end, @Nullable Instant from) {
		if (from == null) {
			consumer.seekToBeginning(partitions);
			return;
		}
		Map<TopicPartition, Long> times = new HashMap<>();
		partitions.forEach((partition) -> times.put(partition, from.toEpochMilli()));
		Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
		for (TopicPartition partition : partitions) {
			OffsetAndTimestamp offset = offsets.get(partition);
			consumer.seek(partition, (offset != null) ? offset.offset() : end.get(partition));
		}
	}

	private @Nullable PlanRequested parse(ConsumerRecord<String, byte[]> record) {
		try {
			return this.json.readValue(record.value(), PlanRequested.class);
		}
		catch (RuntimeException ex) {
			logger.debug("Skipping an unreadable record at " + record.topic() + "-" + record.partition() + "@"
					+ record.offset(), ex);
			return null;
		}
	}

}
