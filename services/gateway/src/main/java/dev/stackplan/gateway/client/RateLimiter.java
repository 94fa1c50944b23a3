package dev.stackplan.gateway.client;

import reactor.core.publisher.Mono;

/** Takes one request from an API client's token bucket. */
@FunctionalInterface
public interface RateLimiter {

	/**
	 * Takes a token if the client has one, and tells what is left.
	 * @param client the caller
	 * @return what the request found; an error when the bucket's store cannot say
	 */
	Mono<Taken> take(ApiClient client);

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
