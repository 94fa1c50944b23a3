package dev.stackplan.gateway.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import org.springframework.stereotype.Component;

/**
 * Takes each client's tokens with at most as many statements at a time per client as the
 * store runs at once: the requests that come while those run wait, then go together in
 * the next, one statement taking as many tokens. A request that finds a take free goes at
 * once, so a quiet client pays nothing; a burst of a thousand requests from one key is a
 * handful of statements instead of a thousand queued for the pool, each behind the store
 * timeout. That burst is what a gateway restarted under load meets first: every request
 * that queued while it was away. More than one take at a time, so a request that arrives
 * just after a slow take began need not wait for it to end before its own begins.
 * <p>
 * A request that gave up waiting (its answer was already a 503) is left out of the next
 * take, so it spends no token.
 */
@Component
class CoalescingRateLimiter implements RateLimiter {

	private final TokenBuckets buckets;

	private final ConcurrentMap<String, ClientTakes> takes = new ConcurrentHashMap<>();

	CoalescingRateLimiter(TokenBuckets buckets) {
		this.buckets = buckets;
	}

	@Override
	public Mono<Taken> take(ApiClient client) {
		return Mono.create((sink) -> {
			Waiter waiter = new Waiter(sink);
			sink.onCancel(waiter::cancel);
			enqueue(client, waiter);
		});
	}

	private void enqueue(ApiClient client, Waiter waiter) {
		while (true) {
			ClientTakes queue = this.takes.computeIfAbsent(client.id(), (id) -> new ClientTakes());
			boolean start;
			synchronized (queue) {
				if (queue.retired) {
					// emptied and removed while this request looked it up: take a fresh
					// one
					continue;
				}
				queue.waiting.add(waiter);
				start = queue.running < this.buckets.parallelTakes();
				if (start) {
					queue.running++;
				}
			}
			if (start) {
				next(client, queue);
			}
			return;
		}
	}

	/**
	 * Runs one take for everyone waiting, then the next, until none is waiting; the
	 * caller holds one of the client's running takes, which this ends when none waits.
	 */
	private void next(ApiClient client, ClientTakes queue) {
		List<Waiter> batch;
		synchronized (queue) {
			batch = queue.waiting.stream().filter((waiter) -> !waiter.cancelled).toList();
			queue.waiting.clear();
			if (batch.isEmpty()) {
				queue.running--;
				if (queue.running == 0) {
					queue.retired = true;
					this.takes.remove(client.id(), queue);
				}
				return;
			}
		}
		this.buckets.take(client, batch.size())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("The token bucket store gave no answer")))
			.subscribe((grant) -> {
				for (int place = 0; place < batch.size(); place++) {
					batch.get(place).sink.success(grant.takenBy(place));
				}
				next(client, queue);
			}, (ex) -> {
				batch.forEach((waiter) -> waiter.sink.error(ex));
				next(client, queue);
			});
	}

	/** The takes of one client: how many are running and who waits for the next. */
	private static final class ClientTakes {

		private final List<Waiter> waiting = new ArrayList<>();

		private int running;

		/** Emptied and out of the map: a request that still finds it takes a new one. */
		private boolean retired;

	}

	private static final class Waiter {

		private final MonoSink<Taken> sink;

		private volatile boolean cancelled;

		Waiter(MonoSink<Taken> sink) {
			this.sink = sink;
		}

		void cancel() {
			this.cancelled = true;
		}

	}

}
