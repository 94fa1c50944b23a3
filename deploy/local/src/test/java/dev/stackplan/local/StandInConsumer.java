package dev.stackplan.local;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.stackplan.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A member of a service's consumer group that takes plan requests and never finishes
 * them: to the broker the service runs, while its work waits. Closing it leaves the
 * group.
 */
final class StandInConsumer implements AutoCloseable {

	private final Thread poller;

	private volatile boolean running = true;

	StandInConsumer(String group, String bootstrapServers) throws InterruptedException {
		CountDownLatch assigned = new CountDownLatch(1);
		this.poller = new Thread(() -> {
			try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
					Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
							group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
							ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
							ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
				consumer.subscribe(List.of(Topics.PLAN_REQUESTED), new ConsumerRebalanceListener() {

					@Override
					public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
					}

					@Override
					public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
						assigned.countDown();
					}

				});
				while (this.running) {
					consumer.poll(Duration.ofMillis(100));
				}
			}
		}, "stand-in-" + group);
		this.poller.start();
		if (!assigned.await(30, TimeUnit.SECONDS)) {
			close();
			throw new IllegalStateException("The stand-in never joined group " + group);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.poller.join(Duration.ofSeconds(30).toMillis());
	}

}
