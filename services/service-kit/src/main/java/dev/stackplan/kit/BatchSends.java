package dev.stackplan.kit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.stackplan.contracts.knowledge.OverriddenEngines;
import dev.stackplan.contracts.topic.PlanEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The answers a batch listener publishes for one batch of records. Sends do not wait for
 * each other; {@link #awaitAcknowledgements()} waits once for all, so the container
 * commits the batch's offsets only after every answer is safe on the broker.
 *
 * <p>
 * A record that fails is reported as a {@link BatchListenerFailedException} naming its
 * index, after the answers to the records before it were acknowledged: the error handler
 * then commits those, retries or dead-letters the failed record and redelivers the rest,
 * so one bad record neither blocks its partition nor loses its neighbours' answers.
 */
public final class BatchSends {

	private static final LogAccessor LOGGER = new LogAccessor(BatchSends.class);

	private final PlanEventPublisher publisher;

	private final List<? extends ConsumerRecord<?, ?>> records;

	private final Duration acknowledgementTimeout;

	private final List<CompletableFuture<?>> sends = new ArrayList<>();

	private final List<Integer> sentFor = new ArrayList<>();

	BatchSends(PlanEventPublisher publisher, List<? extends ConsumerRecord<?, ?>> records,
			Duration acknowledgementTimeout) {
		this.publisher = publisher;
		this.records = records;
		this.acknowledgementTimeout = acknowledgementTimeout;
	}

	/**
	 * Answers every record of the batch in order, then waits once for the broker's
	 * acknowledgements of all the answers.
	 * @param type the type of every record's value: a record that is not of it (or could
	 * not be deserialized) goes to the dead-letter topic
	 * @param answer what is done with one record; it fails a record it cannot answer by
	 * throwing {@link #fail}'s exception (or through {@link #decide} and {@link #engine})
	 * @throws BatchListenerFailedException at the first record that failed, or whose
	 * answer the broker did not acknowledge
	 */
	public <T> void answerEach(Class<T> type, Answer<T> answer) {
		for (int i = 0; i < this.records.size(); i++) {
			answer.answer(i, value(i, type));
		}
		awaitAcknowledgements();
	}

	/**
	 * What a pure function of the record makes of record {@code index}. The same record
	 * would fail again, so a failure is not retried: the record goes to the dead-letter
	 * topic.
	 * @param failed what could not be done, e.g. "Cannot score plan …"; the failure's
	 * message is appended
	 * @throws BatchListenerFailedException when the decision throws
	 */
	public <R> R decide(int index, String failed, Supplier<R> decision) {
		try {
			return decision.get();
		}
		catch (RuntimeException ex) {
			throw fail(index, new InvalidEventException(failed + ": " + ex.getMessage(), ex));
		}
	}

	/**
	 * The engine a scenario's overrides make, for record {@code index}.
	 * @throws BatchListenerFailedException when they make none (the record goes to the
	 * dead-letter topic)
	 */
	public <E> E engine(int index, OverriddenEngines.Built<E> scenario) {
		E engine = scenario.engine();
		if (engine == null) {
			throw fail(index, new InvalidEventException(
					"The scenario's overrides do not make a valid knowledge base: " + scenario.failure()));
		}
		return engine;
	}

	/**
	 * The value of record {@code index}.
	 * @throws BatchListenerFailedException when it could not be deserialized or is not of
	 * the type (it can never be processed, so it goes to the dead-letter topic)
	 */
	public <T> T value(int index, Class<T> type) {
		try {
			return valueOf(this.records, index, type);
		}
		catch (BatchListenerFailedException ex) {
			throw fail(index, ex.getCause());
		}
	}

	/**
	 * The value of record {@code index} of a batch, for a listener that publishes
	 * nothing.
	 * @throws BatchListenerFailedException when it could not be deserialized or is not of
	 * the type (it can never be processed, so it goes to the dead-letter topic)
	 */
	public static <T> T valueOf(List<? extends ConsumerRecord<?, ?>> records, int index, Class<T> type) {
		ConsumerRecord<?, ?> record = records.get(index);
		Object value = record.value();
		if (type.isInstance(value)) {
			return type.cast(value);
		}
		DeserializationException deserialization = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOGGER);
		InvalidEventException invalid = (deserialization != null)
				? new InvalidEventException("Cannot read the record as " + type.getSimpleName(), deserialization)
				: new InvalidEventException("Expected " + type.getSimpleName() + ", got "
						+ ((value != null) ? value.getClass().getSimpleName() : "no value"));
		throw new BatchListenerFailedException("Cannot process record " + index + " of the batch", invalid, index);
	}

	/** Publishes the answer to record {@code index} without waiting for it. */
	public void send(int index, PlanEvent event, UUID planId, Object payload) {
		this.sends.add(this.publisher.send(event, planId, payload));
		this.sentFor.add(index);
	}

	/**
	 * Record {@code index} cannot be processed: waits for the answers to the records
	 * before it, then returns the exception to throw.
	 */
	public BatchListenerFailedException fail(int index, Throwable cause) {
		BatchListenerFailedException unacknowledged = awaitSends();
		if (unacknowledged != null && unacknowledged.getIndex() < index) {
			return unacknowledged;
		}
		return new BatchListenerFailedException("Cannot process record " + index + " of the batch", cause, index);
	}

	/**
	 * Returns once the broker acknowledged every answer of the batch.
	 * @throws BatchListenerFailedException at the first record whose answer was not
	 * acknowledged
	 */
	public void awaitAcknowledgements() {
		BatchListenerFailedException unacknowledged = awaitSends();
		if (unacknowledged != null) {
			throw unacknowledged;
		}
	}

	/**
	 * What a batch listener does with one record of the batch.
	 *
	 * @param <T> the type of the records' values
	 */
	@FunctionalInterface
	public interface Answer<T> {

		void answer(int index, T value);

	}

	private @Nullable BatchListenerFailedException awaitSends() {
		long deadline = System.nanoTime() + this.acknowledgementTimeout.toNanos();
		for (int i = 0; i < this.sends.size(); i++) {
			try {
				this.sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new BatchListenerFailedException("Interrupted while publishing", ex, this.sentFor.get(i));
			}
			catch (ExecutionException | TimeoutException ex) {
				return new BatchListenerFailedException(
						"The broker did not acknowledge the answer to record " + this.sentFor.get(i), ex,
						this.sentFor.get(i));
			}
		}
		return null;
	}

}
