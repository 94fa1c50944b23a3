package dev.stackplan.gateway.client;

import reactor.core.publisher.Mono;

/** The store of the API clients' token buckets, shared by every gateway instance. */
@FunctionalInterface
interface TokenBuckets {

	/**
	 * Takes as many of the tokens wanted as the client's bucket holds, in one step.
	 * @param client the caller, whose rate and burst size its bucket
	 * @param wanted tokens wanted, at least one
	 * @return the bucket after the take; an error when the store cannot say within its
	 * timeout
	 */
	Mono<Grant> take(ApiClient client, int wanted);

	/**
	 * How many takes the store runs at once without one queueing for another.
	 * @return at least one
	 */
	default int parallelTakes() {
		return 1;
	}

	/**
	 * A bucket after a take, in the store's microseconds.
	 *
	 * @param granted tokens taken, from none up to those wanted
	 * @param nowMicros the store's clock at the take
	 * @param fullAtMicros when the bucket will be full again if nothing more is taken
	 * @param perTokenMicros the time one token takes to come back
	 * @param capacityMicros the time the whole burst takes to come back
	 */
	record Grant(int granted, long nowMicros, long fullAtMicros, long perTokenMicros, long capacityMicros) {

		private static final long NANOS_PER_MICRO = 1_000L;

		/**
		 * What the request at a place in the take found: the first {@link #granted} got a
		 * token each, the rest are refused until the next token is due.
		 * @param place the request's place among those the take was for, from 0
		 * @return the request's answer
		 */
		RateLimiter.Taken takenBy(int place) {
			long untilFull = nanos(this.fullAtMicros + this.capacityMicros - this.nowMicros);
			if (place < this.granted) {
				long leftAfterAll = (this.nowMicros - this.fullAtMicros) / this.perTokenMicros;
				return new RateLimiter.Taken(0, leftAfterAll + (this.granted - 1 - place), untilFull);
			}
			long start = Math.max(this.fullAtMicros, this.nowMicros - this.capacityMicros);
			long nextToken = start + this.perTokenMicros;
			return new RateLimiter.Taken(nanos(Math.max(1, nextToken - this.nowMicros)), 0,
					nanos(start + this.capacityMicros - this.nowMicros));
		}

		private static long nanos(long micros) {
			return micros * NANOS_PER_MICRO;
		}

	}

}
