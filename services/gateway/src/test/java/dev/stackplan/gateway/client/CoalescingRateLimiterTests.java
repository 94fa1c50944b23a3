package dev.stackplan.gateway.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One take at a time per client: a request that finds none running goes at once, the ones
 * that come meanwhile go together in the next take, each answered by its place in it, and
 * one that gave up is not counted.
 */
class CoalescingRateLimiterTests {

	/** A token a millisecond, bursts of 10: in microseconds. */
	private static final long PER_TOKEN = 1_000;

	private static final long CAPACITY = 10 * PER_TOKEN;

	private static final long NOW = 1_000_000_000;

	private static final ApiClient CLIENT = new ApiClient("client-a", Set.of("client"), 1_000, 10);

	private final ScriptedBuckets buckets = new ScriptedBuckets();

	private final CoalescingRateLimiter limiter = new CoalescingRateLimiter(this.buckets);

	@Test
	void aRequestThatFindsNoTakeRunningGoesAtOnceAlone() {
		List<RateLimiter.Taken> answers = new CopyOnWriteArrayList<>();
		this.limiter.take(CLIENT).subscribe(answers::add);

		assertThat(this.buckets.wanted()).containsExactly(1);
		this.buckets.answer(0, grant(1, 9));
		assertThat(answers).containsExactly(new RateLimiter.Taken(0, 9, nanos(PER_TOKEN)));
	}

	@Test
	void requestsThatComeWhileATakeRunsGoTogetherInTheNextEachByItsPlace() {
		List<RateLimiter.Taken> answers = new CopyOnWriteArrayList<>();
		this.limiter.take(CLIENT).subscribe(answers::add);
		for (int i = 0; i < 4; i++) {
			this.limiter.take(CLIENT).subscribe(answers::add);
		}
		assertThat(this.buckets.wanted()).as("one take in flight for the client").containsExactly(1);

		this.buckets.answer(0, grant(1, 9));
		assertThat(this.buckets.wanted()).as("the four that waited, in one take").containsExactly(1, 4);
		this.buckets.answer(1, grant(4, 5));

		assertThat(answers).extracting(RateLimiter.Taken::waitNanos).containsOnly(0L);
		assertThat(answers).extracting(RateLimiter.Taken::remaining).containsExactly(9L, 8L, 7L, 6L, 5L);
	}

	@Test
	void whenTheBucketHoldsFewerThanWantedTheLastPlacesAreRefusedUntilTheNextToken() {
		List<RateLimiter.Taken> answers = new CopyOnWriteArrayList<>();
		this.limiter.take(CLIENT).subscribe(answers::add);
		for (int i = 0; i < 3; i++) {
			this.limiter.take(CLIENT).subscribe(answers::add);
		}
		this.buckets.answer(0, grant(1, 2));
		this.buckets.answer(1, grant(2, 0));

		assertThat(answers).extracting(RateLimiter.Taken::waitNanos).containsExactly(0L, 0L, 0L, nanos(PER_TOKEN));
		assertThat(answers).extracting(RateLimiter.Taken::remaining).containsExactly(2L, 1L, 0L, 0L);
	}

	@Test
	void aStoreThatRunsTwoTakesAtOnceGetsASecondTakeBeforeTheFirstEnds() {
		ScriptedBuckets two = new ScriptedBuckets(2);
		CoalescingRateLimiter limiter = new CoalescingRateLimiter(two);
		List<RateLimiter.Taken> answers = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 4; i++) {
			limiter.take(CLIENT).subscribe(answers::add);
		}
		assertThat(two.wanted()).as("two takes at once, the rest waiting").containsExactly(1, 1);

		two.answer(1, grant(1, 8));
		assertThat(two.wanted()).as("the two that waited, in one take").containsExactly(1, 1, 2);
		two.answer(0, grant(1, 9));
		two.answer(2, grant(2, 6));
		assertThat(answers).hasSize(4).extracting(RateLimiter.Taken::waitNanos).containsOnly(0L);
	}

	@Test
	void aRequestThatGaveUpWhileWaitingSpendsNoToken() {
		List<RateLimiter.Taken> answers = new CopyOnWriteArrayList<>();
		this.limiter.take(CLIENT).subscribe(answers::add);
		Disposable gaveUp = this.limiter.take(CLIENT).subscribe(answers::add);
		this.limiter.take(CLIENT).subscribe(answers::add);
		gaveUp.dispose();

		this.buckets.answer(0, grant(1, 9));
		assertThat(this.buckets.wanted()).containsExactly(1, 1);
		this.buckets.answer(1, grant(1, 8));
		assertThat(answers).hasSize(2);
	}

	@Test
	void aFailedTakeFailsItsRequestsAndTheNextRequestsStillGetATake() {
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		List<RateLimiter.Taken> answers = new CopyOnWriteArrayList<>();
		this.limiter.take(CLIENT).subscribe(answers::add, failures::add);
		this.limiter.take(CLIENT).subscribe(answers::add, failures::add);

		this.buckets.fail(0, new IllegalStateException("store away"));
		assertThat(failures).hasSize(1);
		this.buckets.answer(1, grant(1, 9));
		assertThat(answers).hasSize(1);

		this.limiter.take(CLIENT).subscribe(answers::add, failures::add);
		assertThat(this.buckets.wanted()).as("a fresh take once the client's queue ran dry").containsExactly(1, 1, 1);
	}

	@Test
	void eachClientHasItsOwnTakes() {
		ApiClient other = new ApiClient("client-b", Set.of("client"), 1_000, 10);
		this.limiter.take(CLIENT).subscribe();
		this.limiter.take(other).subscribe();

		assertThat(this.buckets.clients()).containsExactly("client-a", "client-b");
	}

	@Test
	void theRealStoresAnswerReachesARequestOnAnyThread() {
		CoalescingRateLimiter onTimer = new CoalescingRateLimiter(
				(client, wanted) -> Mono.delay(Duration.ofMillis(20)).map((tick) -> grant(wanted, 10 - wanted)));
		List<Mono<RateLimiter.Taken>> takes = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			takes.add(onTimer.take(CLIENT));
		}
		List<RateLimiter.Taken> answers = Mono.zip(takes, (all) -> List.of(all))
			.map((all) -> all.stream().map(RateLimiter.Taken.class::cast).toList())
			.block(Duration.ofSeconds(5));
		assertThat(answers).hasSize(5).extracting(RateLimiter.Taken::waitNanos).containsOnly(0L);
	}

	/** The bucket after a take: {@code left} tokens remain. */
	private static TokenBuckets.Grant grant(int granted, int left) {
		return new TokenBuckets.Grant(granted, NOW, NOW - left * PER_TOKEN, PER_TOKEN, CAPACITY);
	}

	private static long nanos(long micros) {
		return micros * 1_000;
	}

	/** Takes that wait until the test answers them. */
	private static final class ScriptedBuckets implements TokenBuckets {

		private final int parallelTakes;

		private final List<Integer> wanted = new CopyOnWriteArrayList<>();

		private final List<String> clients = new CopyOnWriteArrayList<>();

		private final List<Sinks.One<Grant>> answers = new CopyOnWriteArrayList<>();

		ScriptedBuckets() {
			this(1);
		}

		ScriptedBuckets(int parallelTakes) {
			this.parallelTakes = parallelTakes;
		}

		@Override
		public int parallelTakes() {
			return this.parallelTakes;
		}

		@Override
		public Mono<Grant> take(ApiClient client, int wanted) {
			Sinks.One<Grant> answer = Sinks.one();
			this.wanted.add(wanted);
			this.clients.add(client.id());
			this.answers.add(answer);
			return answer.asMono();
		}

		List<Integer> wanted() {
			return this.wanted;
		}

		List<String> clients() {
			return this.clients;
		}

		void answer(int take, Grant grant) {
			this.answers.get(take).tryEmitValue(grant).orThrow();
		}

		void fail(int take, Throwable failure) {
			this.answers.get(take).tryEmitError(failure).orThrow();
		}

	}

}
