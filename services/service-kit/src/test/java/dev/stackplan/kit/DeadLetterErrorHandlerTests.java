package dev.stackplan.kit;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.contracts.topic.PlanEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The error handler every listener shares, on records of {@code plan.requested}: which
 * failures retry until the dependency is back, which go to the dead-letter topic at once
 * or after their retries, and what the dead letter carries.
 */
class DeadLetterErrorHandlerTests {

	private static final int RETRY_ATTEMPTS = 2;

	/** Short pauses, so that retries take no time; the rest as every service has them. */
	private static final PlanTopicsProperties TOPICS = new PlanTopicsProperties(6, (short) 1, RETRY_ATTEMPTS, 1,
			Duration.ofSeconds(2), Duration.ofSeconds(15), Duration.ofMillis(4), Duration.ofSeconds(10));

	private static final int PARTITION = 4;

	private static final long OFFSET = 17;

	private final ConsumerRecord<Object, Object> record = new ConsumerRecord<>(PlanEvent.PLAN_REQUESTED.topic(),
			PARTITION, OFFSET, "a-plan", "a value");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@SuppressWarnings("unchecked")
	private final KafkaTemplate<Object, Object> template = mock(KafkaTemplate.class);

	private final Consumer<?, ?> consumer = mock(Consumer.class);

	private final MessageListenerContainer container = mock(MessageListenerContainer.class);

	private final CommonErrorHandler handler;

	@SuppressWarnings("unchecked")
	DeadLetterErrorHandlerTests() {
		given(this.template.send(any(ProducerRecord.class))).willReturn(CompletableFuture.completedFuture(null));
		given(this.container.isRunning()).willReturn(true);
		this.handler = new PlanKafkaAutoConfiguration().deadLetterErrorHandler(
				new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1")),
				this.template, TOPICS,
				new StaticListableBeanFactory(Map.of("meters", this.meters)).getBeanProvider(MeterRegistry.class));
	}

	@Test
	void aRecordThatCanNeverBeProcessedGoesToItsDeadLetterTopicAtOnce() {
		Exception invalid = failed(new InvalidEventException("Cannot score plan a-plan",
				new IllegalArgumentException("weeks must be positive")));

		assertThat(handle(invalid)).as("dead-lettered on its first failure").isTrue();

		verify(this.template, times(1)).send(any(ProducerRecord.class));
	}

	@Test
	void aFailureThatMayPassIsRetriedThenDeadLettered() {
		Exception bug = failed(new IllegalStateException("no engine for the option"));

		for (int attempt = 1; attempt <= RETRY_ATTEMPTS; attempt++) {
			assertThat(handle(bug)).as("retry %d", attempt).isFalse();
		}
		verify(this.template, never()).send(any(ProducerRecord.class));
		assertThat(handle(bug)).as("after its retries").isTrue();
		verify(this.template, times(1)).send(any(ProducerRecord.class));
	}

	@Test
	void aDependencyThatIsAwayIsWaitedForWithoutEndAndNothingIsDeadLettered() {
		for (Exception away : new Exception[] { failed(new IllegalStateException("store", new TimeoutException())),
				failed(new IllegalStateException("store", new ConnectException("refused"))),
				failed(new DependencyUnavailableException(Dependency.DATABASE, Duration.ofSeconds(1), null)) }) {
			for (int attempt = 1; attempt <= 10 * RETRY_ATTEMPTS; attempt++) {
				assertThat(handle(away)).as("%s, attempt %d", away.getCause(), attempt).isFalse();
			}
		}
		verify(this.template, never()).send(any(ProducerRecord.class));
		assertThat(this.meters.find(PlanKafkaAutoConfiguration.DEAD_LETTERS_METRIC).counter()).isNull();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDeadLetterKeepsThePartitionKeyAndValueAndSaysWhyWhereFromAndWhichGroupGaveUp() {
		Exception invalid = failed(new InvalidEventException("Cannot score plan a-plan",
				new IllegalArgumentException("weeks must be positive")));

		handle(invalid);

		ArgumentCaptor<ProducerRecord<Object, Object>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
		verify(this.template).send(sent.capture());
		ProducerRecord<Object, Object> deadLetter = sent.getValue();
		assertThat(deadLetter.topic()).isEqualTo(PlanEvent.PLAN_REQUESTED.deadLetterTopic());
		assertThat(deadLetter.partition()).as("co-partitioned with the plan's other records").isEqualTo(PARTITION);
		assertThat(deadLetter.key()).isEqualTo("a-plan");
		assertThat(deadLetter.value()).isEqualTo("a value");
		assertThat(text(deadLetter, PlanKafkaAutoConfiguration.DEAD_LETTER_REASON_HEADER)).isEqualTo(
				"InvalidEventException: Cannot score plan a-plan <- IllegalArgumentException: weeks must be positive");
		assertThat(text(deadLetter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo(ConsumerGroups.SCORING);
		assertThat(text(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(PlanEvent.PLAN_REQUESTED.topic());
		assertThat(ByteBuffer.wrap(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).getInt())
			.isEqualTo(PARTITION);
		assertThat(ByteBuffer.wrap(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong())
			.isEqualTo(OFFSET);
		assertThat(this.meters.get(PlanKafkaAutoConfiguration.DEAD_LETTERS_METRIC)
			.tag("topic", PlanEvent.PLAN_REQUESTED.topic())
			.counter()
			.count()).isEqualTo(1.0);
	}

	@Test
	void theReasonNamesEveryCauseOutermostFirstWithoutTheListenersWrapper() {
		assertThat(PlanKafkaAutoConfiguration
			.reason(failed(new IllegalStateException("store", new IOException("connection reset")))))
			.isEqualTo("IllegalStateException: store <- IOException: connection reset");
		assertThat(PlanKafkaAutoConfiguration.reason(new IllegalArgumentException("bad value")))
			.isEqualTo("IllegalArgumentException: bad value");
	}

	@Test
	void aListenerFailureWithoutACauseIsItsOwnReason() {
		assertThat(PlanKafkaAutoConfiguration.reason(new ListenerExecutionFailedException("listener failed")))
			.isEqualTo("ListenerExecutionFailedException: listener failed");
	}

	@Test
	void aCauseThatIsItselfEndsTheChain() {
		assertThat(PlanKafkaAutoConfiguration.reason(new SelfCaused("loop"))).isEqualTo("SelfCaused: loop");
	}

	private boolean handle(Exception thrown) {
		return this.handler.handleOne(thrown, this.record, this.consumer, this.container);
	}

	/**
	 * As the listener container hands a listener's exception to the error handler: with
	 * the consumer group that gave up.
	 */
	private static Exception failed(Exception cause) {
		return new ListenerExecutionFailedException("Listener method threw", ConsumerGroups.SCORING, cause);
	}

	private static Header header(ProducerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as(name).isNotNull();
		return header;
	}

	private static String text(ProducerRecord<?, ?> record, String name) {
		return new String(header(record, name).value(), StandardCharsets.UTF_8);
	}

	/** An exception that names itself as its cause. */
	static class SelfCaused extends RuntimeException {

		SelfCaused(String message) {
			super(message);
		}

		@Override
		public synchronized Throwable getCause() {
			return this;
		}

	}

}
