package dev.stackplan.gateway.client;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

	@Test
	void aFullBucketGrantsItsBurstAtOnceThenSaysHowLongToWait() {
		TokenBucket bucket = new TokenBucket(2, 3, this.now::get);

		assertThat(bucket.tryTake()).isZero();
		assertThat(bucket.tryTake()).isZero();
		assertThat(bucket.tryTake()).isZero();
		assertThat(bucket.tryTake()).isEqualTo(500_000_000L);
	}

	@Test
	void tokensComeBackAtTheRateAndNeverBeyondTheBurst() {
		TokenBucket bucket = new TokenBucket(10, 2, this.now::get);
		bucket.tryTake();
		bucket.tryTake();

		this.now.addAndGet(100_000_000L);
		assertThat(bucket.tryTake()).isZero();
		assertThat(bucket.tryTake()).isPositive();

		this.now.addAndGet(60_000_000_000L);
		assertThat(bucket.tryTake()).isZero();
		assertThat(bucket.tryTake()).isZero();
		assertThat(bucket.tryTake()).isPositive();
	}

}
