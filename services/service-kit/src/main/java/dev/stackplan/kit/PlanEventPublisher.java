package dev.stackplan.kit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.stackplan.contracts.topic.PlanEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes plan events keyed by planId. A send completes only when the broker
 * acknowledged it (acks=all, idempotent producer), so callers can promise durability on
 * success.
 */
public class PlanEventPublisher {

	private final KafkaTemplate<String, Object> template;

	private final Duration acknowledgementTimeout;

	public PlanEventPublisher(KafkaTemplate<String, Object> template, Duration acknowledgementTimeout) {
		this.template = template;
		this.acknowledgementTimeout = acknowledgementTimeout;
	}

	/** Sends an event; the future completes when the broker acknowledged it. */
	public CompletableFuture<SendResult<String, Object>> send(PlanEvent event, UUID planId, Object payload) {
		if (!event.type().isInstance(payload)) {
			throw new IllegalArgumentException(
					"A " + event + " event carries " + event.type().getSimpleName() + ", not " + payload.getClass());
		}
		return this.template.send(event.topic(), planId.toString(), payload);
	}

	/**
	 * For a batch listener: publishes the answers to a batch of records without waiting
	 * for each, then waits once for all of them.
	 * @param records the batch as the listener received it
	 * @return a batch of sends tied to those records
	 */
	public BatchSends batch(List<? extends ConsumerRecord<?, ?>> records) {
		return new BatchSends(this, records, this.acknowledgementTimeout);
	}

	/**
	 * The reactive edge: completes when the broker acknowledged the event. The send
	 * itself runs off the caller's thread: while the broker is away it may wait for
	 * metadata ({@code max.block.ms}), and on a Netty event loop that wait would stall
	 * every request of that loop.
	 */
	public Mono<SendResult<String, Object>> publish(PlanEvent event, UUID planId, Object payload) {
		return Mono.fromFuture(() -> send(event, planId, payload))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.acknowledgementTimeout);
	}

	/**
	 * For listener threads: returns only once the broker acknowledged the event, so the
	 * consumed offset is committed after the result is safe.
	 */
	public void publishAndWait(PlanEvent event, UUID planId, Object payload) {
		try {
			send(event, planId, payload).get(this.acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing " + event, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The broker did not acknowledge " + event + " for plan " + planId, ex);
		}
	}

}
