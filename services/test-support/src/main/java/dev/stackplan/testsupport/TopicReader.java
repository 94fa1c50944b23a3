package dev.stackplan.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning with a consumer group of its own, as raw text, so
 * tests see exactly what is on the wire: values and headers such as the type token.
 */
public final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<WireRecord> seen = new ArrayList<>();

	public TopicReader(String topic) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(topic));
	}

	/** A record as it is on the wire. */
	public record WireRecord(String key, String value, Map<String, String> headers, int partition) {

	}

	/**
	 * Polls until a record matching the predicate arrived, or the timeout passed; returns
	 * all matches.
	 */
	public List<WireRecord> await(Predicate<WireRecord> matching, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (matches(matching).size() < count && System.nanoTime() < deadline) {
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
				Map<String, String> headers = new HashMap<>();
				for (Header header : record.headers()) {
					headers.put(header.key(),
							(header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null);
				}
				this.seen.add(new WireRecord(record.key(),
						(record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : null, headers,
						record.partition()));
			}
		}
		return matches(matching);
	}

	public List<WireRecord> awaitKey(String key, int count, Duration timeout) {
		return await((record) -> key.equals(record.key()), count, timeout);
	}

	private List<WireRecord> matches(Predicate<WireRecord> matching) {
		return this.seen.stream().filter(matching).toList();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
