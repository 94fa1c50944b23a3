package dev.stackplan.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts exactly the given bytes and headers on a topic: for records no well-behaved
 * producer would send.
 */
public final class RawRecords {

	private RawRecords() {
	}

	/**
	 * Sends many records through one producer, in order, and waits until the broker has
	 * them all.
	 */
	public static void sendAll(String topic, Map<String, String> valuesByKey, Map<String, String> headers) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			for (Map.Entry<String, String> entry : valuesByKey.entrySet()) {
				ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, entry.getKey(),
						entry.getValue().getBytes(StandardCharsets.UTF_8));
				headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
				producer.send(record);
			}
			producer.flush();
		}
	}

	public static void send(String topic, String key, String value, Map<String, String> headers) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
					value.getBytes(StandardCharsets.UTF_8));
			headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
			producer.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send a raw record to " + topic, ex);
		}
	}

}
