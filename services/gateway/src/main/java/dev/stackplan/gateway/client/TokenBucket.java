package dev.stackplan.gateway.client;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code perSecond}; one token
 * per request.
 */
final class TokenBucket {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final long nanosPerToken;

	private final long capacityNanos;

	private final LongSupplier clock;

	/**
	 * The instant (in clock nanos) at which the bucket would be full again; tokens = (now
	 * - this) / rate.
	 */
	private long fullAt;

	TokenBucket(int perSecond, int burst, LongSupplier clock) {
		if (perSecond < 1 || burst < 1) {
			throw new IllegalArgumentException("A rate limit needs at least 1 request per second and a burst of 1");
		}
		this.nanosPerToken = NANOS_PER_SECOND / perSecond;
		this.capacityNanos = this.nanosPerToken * burst;
		this.clock = clock;
		this.fullAt = clock.getAsLong() - this.capacityNanos;
	}

	/** Takes a token: 0 when granted, else the nanoseconds until one is available. */
	long tryTake() {
		return take().waitNanos();
	}

	/** Takes a token if there is one, and tells what is left. */
	synchronized Taken take() {
		long now = this.clock.getAsLong();
		long start = Math.max(this.fullAt, now - this.capacityNanos);
		long next = start + this.nanosPerToken;
		if (next > now) {
			return new Taken(next - now, 0, start + this.capacityNanos - now);
		}
		this.fullAt = next;
		return new Taken(0, (now - next) / this.nanosPerToken, next + this.capacityNanos - now);
	}

	/**
	 * What a request found.
	 *
	 * @param waitNanos 0 when it got a token, else the nanoseconds until one is available
	 * @param remaining whole tokens left after it
	 * @param nanosUntilFull until the bucket is full again if no request comes
	 */
	record Taken(long waitNanos, long remaining, long nanosUntilFull) {
	}

}
