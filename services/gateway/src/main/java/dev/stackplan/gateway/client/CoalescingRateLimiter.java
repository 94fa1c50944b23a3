package dev.stackplan.gateway.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import org.springframework.stereotype.Component;

/**
 * Takes each client's tokens with at most one statement at a time per client: the
 * requests that come while a client's take runs wait for it, then go together in the
 * next, one statement taking as many tokens. A request that finds no take running goes at
 * once, so a quiet client pays nothing; a burst of a thousand requests from one key is a
 * handful of statements instead of a thousand queued for the pool, each behind the store
 * timeout. That burst is what a gateway restarted under load meets first: every request
 * that queued while it was away.
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
			boolean first;
			synchronized (queue) {
				if (queue.retired) {
					// emptied and removed while this request looked it up: take a fresh
					// one
					continue;
				}
				queue.waiting.add(waiter);
				first = !queue.running;
				queue.running = true;
			}
			if (first) {
				next(client, queue);
			}
			return;
		}
	}

	/** Runs one take for everyone waiting, then the next, until none is waiting. */
	private void next(ApiClient client, ClientTakes queue) {
		List<Waiter> batch;
		synchronized (queue) {
			batch = queue.waiting.stream().filter((waiter) -> !waiter.cancelled).toList();
			queue.waiting.clear();
			if (batch.isEmpty()) {
				queue.running = false;
				queue.retired = true;
				this.takes.remove(client.id(), queue);
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

	/** The takes of one client: whether one is running and who waits for the next. */
	private static final class ClientTakes {

		private final List<Waiter> waiting = new ArrayList<>();

		private boolean running;

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
