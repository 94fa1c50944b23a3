package dev.stackplan.kit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.stackplan.contracts.topic.PlanEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka conventions every service shares: the plan topics and their dead-letter
 * topics, JSON values typed by wire tokens (never Java class names), durable producers,
 * co-partition-friendly consumers, and an error handler that retries a little and then
 * dead-letters the record with the reason, so a bad record never blocks its partition or
 * crashes the consumer.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(PlanTopicsProperties.class)
public class PlanKafkaAutoConfiguration {

	/** Counter of records sent to a dead-letter topic, tagged by source topic. */
	public static final String DEAD_LETTERS_METRIC = "stackplan.dead.letters";

	/** Header of a dead letter naming why it could not be processed, with every cause. */
	public static final String DEAD_LETTER_REASON_HEADER = "stackplan-dlt-reason";

	/** Kafka's advice: a heartbeat at most a third of the session timeout. */
	private static final int HEARTBEATS_PER_SESSION = 3;

	/** How much longer each pause is than the one before while a dependency is away. */
	private static final double TRANSIENT_BACKOFF_MULTIPLIER = 2.0;

	@Bean
	KafkaAdmin.NewTopics planTopics(PlanTopicsProperties topics) {
		// two versions of an event share their topic
		Set<String> names = new LinkedHashSet<>();
		for (PlanEvent event : PlanEvent.values()) {
			names.add(event.topic());
			names.add(event.deadLetterTopic());
		}
		return new KafkaAdmin.NewTopics(names.stream().map((name) -> topic(name, topics)).toArray(NewTopic[]::new));
	}

	private static NewTopic topic(String name, PlanTopicsProperties topics) {
		return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicas()).build();
	}

	@Bean
	DefaultKafkaProducerFactoryCustomizer planEventProducer() {
		return (factory) -> factory.updateConfigs(Map.of(ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JacksonJsonSerializer.class,
				JacksonJsonSerializer.TYPE_MAPPINGS, PlanEvent.typeMappings()));
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer consumerLiveness(PlanTopicsProperties topics) {
		int sessionMs = (int) topics.consumerSessionTimeout().toMillis();
		return (factory) -> factory.updateConfigs(Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionMs,
				ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, sessionMs / HEARTBEATS_PER_SESSION));
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer planEventConsumer() {
		return (factory) -> factory.updateConfigs(Map.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
				ErrorHandlingDeserializer.class, ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS,
				JacksonJsonDeserializer.class, JacksonJsonDeserializer.TYPE_MAPPINGS, PlanEvent.typeMappings(),
				JacksonJsonDeserializer.TRUSTED_PACKAGES, "dev.stackplan.contracts.event",
				// a consumer group that starts late must still see every accepted plan
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				// the range assignor gives one consumer partition N of every topic it
				// reads: co-partitioning
				ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName()));
	}

	@Bean
	@ConditionalOnMissingBean
	CommonErrorHandler deadLetterErrorHandler(ProducerFactory<Object, Object> producerFactory,
			KafkaTemplate<Object, Object> template, PlanTopicsProperties topics,
			ObjectProvider<MeterRegistry> meterRegistry) {
		// a record whose value could not be deserialized is re-published as the raw bytes
		// it arrived with
		KafkaTemplate<Object, Object> rawBytes = new KafkaTemplate<>(producerFactory,
				Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, rawBytes);
		templates.put(Object.class, template);
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(templates,
				(record, ex) -> new TopicPartition(record.topic() + PlanEvent.DEAD_LETTER_SUFFIX, record.partition()));
		deadLetters.addHeadersFunction((record, ex) -> new RecordHeaders(new Header[] {
				new RecordHeader(DEAD_LETTER_REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8)) }));
		ConsumerRecordRecoverer countingDeadLetters = (record, ex) -> {
			deadLetters.accept(record, ex);
			meterRegistry.ifAvailable((registry) -> Counter.builder(DEAD_LETTERS_METRIC)
				.description("Records sent to a dead-letter topic after their retries, by original topic")
				.tag("topic", record.topic())
				.register(registry)
				.increment());
		};
		DefaultErrorHandler handler = new DefaultErrorHandler(countingDeadLetters,
				new FixedBackOff(topics.retryIntervalMs(), topics.retryAttempts()));
		handler.addNotRetryableExceptions(InvalidEventException.class);
		ExponentialBackOff untilTheDependencyIsBack = new ExponentialBackOff(topics.retryIntervalMs(),
				TRANSIENT_BACKOFF_MULTIPLIER);
		untilTheDependencyIsBack.setMaxInterval(topics.transientRetryMaxInterval().toMillis());
		handler.setBackOffFunction((record, ex) -> TransientFailures.isTransient(ex) ? untilTheDependencyIsBack : null);
		// keep the rest of the poll in memory: a seek back would wait out the fetch
		// already in flight at the end
		// of the log (up to fetch.max.wait.ms) for every failed record
		handler.setSeekAfterError(false);
		return handler;
	}

	/**
	 * Every message of the cause chain, outermost first: "failed to deserialize" alone
	 * explains nothing.
	 */
	static String reason(Throwable ex) {
		StringBuilder reason = new StringBuilder();
		Throwable current = (ex instanceof ListenerExecutionFailedException && ex.getCause() != null) ? ex.getCause()
				: ex;
		while (current != null) {
			if (!reason.isEmpty()) {
				reason.append(" <- ");
			}
			reason.append(current.getClass().getSimpleName()).append(": ").append(current.getMessage());
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return reason.toString();
	}

	/**
	 * Lazy: scoring and costing never look at consumer groups, so they start no admin
	 * client for it.
	 */
	@Bean
	@ConditionalOnMissingBean
	@Lazy
	ConsumerGroupProbe consumerGroupProbe(KafkaAdmin kafkaAdmin, PlanTopicsProperties topics) {
		return new ConsumerGroupProbe(BoundedAdmins.create(kafkaAdmin, topics.probeTimeout(), null),
				topics.probeTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	PlanEventPublisher planEventPublisher(KafkaTemplate<String, Object> template, PlanTopicsProperties topics) {
		return new PlanEventPublisher(template, topics.acknowledgementTimeout());
	}

}
