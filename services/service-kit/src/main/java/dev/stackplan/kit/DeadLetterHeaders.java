package dev.stackplan.kit;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * Reads the headers of a dead letter as text: its reason, the consumer group that gave up
 * on it.
 */
public final class DeadLetterHeaders {

	private DeadLetterHeaders() {
	}

	/**
	 * The last value of a header as UTF-8 text, or null when the record does not have it.
	 */
	public static @Nullable String text(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
