package dev.stackplan.kit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.stackplan.contracts.knowledge.OverriddenEngines;
import dev.stackplan.contracts.topic.PlanEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.BatchListenerFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What the batch listeners of scoring and costing share: each record answered in order, a
 * record that cannot be answered named by its index after its predecessors' answers are
 * safe, and one wait for all acknowledgements at the end.
 */
class BatchSendsTests {

	private static final UUID FIRST = UUID.randomUUID();

	private static final UUID SECOND = UUID.randomUUID();

	private final PlanEventPublisher publisher = mock(PlanEventPublisher.class);

	private final List<ConsumerRecord<String, Object>> records = List.of(record(0, FIRST.toString()),
			record(1, SECOND.toString()));

	BatchSendsTests() {
		given(this.publisher.send(any(), any(), any())).willReturn(CompletableFuture.completedFuture(null));
	}

	@Test
	void everyRecordIsAnsweredInOrder() {
		List<String> answered = new ArrayList<>();

		batch().answerEach(String.class, (i, value) -> answered.add(i + ":" + value));

		assertThat(answered).containsExactly("0:" + FIRST, "1:" + SECOND);
	}

	@Test
	void aRecordOfAnotherTypeIsNamedByItsIndex() {
		BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
				() -> batch().answerEach(Integer.class, (i, value) -> {
				}));

		assertThat(failed.getIndex()).isZero();
		assertThat(failed.getCause()).isInstanceOf(InvalidEventException.class)
			.hasMessage("Expected Integer, got String");
	}

	@Test
	void aDecisionThatThrowsFailsItsRecordAsInvalidWithTheReason() {
		BatchSends answers = batch();
		IllegalArgumentException refused = new IllegalArgumentException("weeks must be positive");

		BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
				() -> answers.answerEach(String.class, (i, value) -> {
					String answer = answers.decide(i, "Cannot score plan " + value, () -> {
						if (i == 1) {
							throw refused;
						}
						return value;
					});
					answers.send(i, PlanEvent.FRAMEWORK_SCORED, UUID.fromString(answer), answer);
				}));

		assertThat(failed.getIndex()).isEqualTo(1);
		assertThat(failed.getCause()).isInstanceOf(InvalidEventException.class)
			.hasMessage("Cannot score plan " + SECOND + ": weeks must be positive")
			.hasCause(refused);
	}

	@Test
	void aFailureAfterAnUnacknowledgedAnswerNamesTheEarlierRecord() {
		given(this.publisher.send(eq(PlanEvent.FRAMEWORK_SCORED), eq(FIRST), any()))
			.willReturn(CompletableFuture.failedFuture(new IllegalStateException("broker gone")));
		BatchSends answers = batch();

		BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
				() -> answers.answerEach(String.class, (i, value) -> {
					if (i == 1) {
						answers.decide(i, "Cannot score plan " + value, () -> {
							throw new IllegalArgumentException("no");
						});
					}
					answers.send(i, PlanEvent.FRAMEWORK_SCORED, UUID.fromString(value), value);
				}));

		assertThat(failed.getIndex()).as("the first answer was not safe, so its record is redelivered").isZero();
	}

	@Test
	void anAnswerTheBrokerDidNotAcknowledgeFailsTheBatchAtItsRecord() {
		given(this.publisher.send(eq(PlanEvent.FRAMEWORK_SCORED), eq(SECOND), any()))
			.willReturn(CompletableFuture.failedFuture(new IllegalStateException("broker gone")));
		BatchSends answers = batch();

		BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
				() -> answers.answerEach(String.class,
						(i, value) -> answers.send(i, PlanEvent.FRAMEWORK_SCORED, UUID.fromString(value), value)));

		assertThat(failed.getIndex()).isEqualTo(1);
	}

	@Test
	void overridesThatMakeNoEngineFailTheirRecordWithWhy() {
		BatchSends answers = batch();

		assertThat(answers.engine(0, new OverriddenEngines.Built<>("an engine", "v1+overrides", null)))
			.isEqualTo("an engine");
		BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
				() -> answers.engine(1, new OverriddenEngines.Built<String>(null, "", "/cost/tiers: not an object")));
		assertThat(failed.getIndex()).isEqualTo(1);
		assertThat(failed.getCause()).isInstanceOf(InvalidEventException.class)
			.hasMessage("The scenario's overrides do not make a valid knowledge base: /cost/tiers: not an object");
	}

	private BatchSends batch() {
		return new BatchSends(this.publisher, this.records, Duration.ofSeconds(1));
	}

	private static ConsumerRecord<String, Object> record(long offset, String value) {
		return new ConsumerRecord<>(PlanEvent.PLAN_REQUESTED.topic(), 0, offset, value, value);
	}

}
