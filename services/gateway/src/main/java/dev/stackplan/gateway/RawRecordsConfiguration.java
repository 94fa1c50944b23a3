package dev.stackplan.gateway;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;

/**
 * A listener factory for records read as raw bytes, such as dead letters, which may not
 * parse.
 */
@Configuration(proxyBeanMethods = false)
public class RawRecordsConfiguration {

	public static final String RAW_LISTENER_FACTORY = "rawListenerContainerFactory";

	@Bean(RAW_LISTENER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<String, byte[]> rawListenerContainerFactory(KafkaProperties kafka) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(
				new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
		// a dead letter that cannot be applied is logged, never dead-lettered again
		factory.setCommonErrorHandler(new CommonLoggingErrorHandler());
		return factory;
	}

}
