package dev.stackplan.kit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DependencyWatchTests {

	private static final DependencyProperties FAST = new DependencyProperties(Duration.ofMillis(50),
			Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(1));

	private final AtomicBoolean brokerAnswers = new AtomicBoolean(true);

	private final DependencyWatch watch = new DependencyWatch(
			Map.of(Dependency.BROKER, () -> this.brokerAnswers.get() ? Mono.just("nodes") : Mono.never()), FAST);

	@Test
	void aDependencyIsNotAvailableBeforeItsFirstLook() {
		assertThat(this.watch.state(Dependency.BROKER).available()).isFalse();
		assertThatExceptionOfType(DependencyUnavailableException.class)
			.isThrownBy(() -> this.watch.require(Dependency.BROKER));
	}

	@Test
	void aDependencyThatAnswersIsAvailableAndOneThatHangsIsAwayWithinTheCheckTimeout() {
		this.watch.lookAtAll();
		assertThatNoException().isThrownBy(() -> this.watch.require(Dependency.BROKER));

		this.brokerAnswers.set(false);
		long started = System.nanoTime();
		this.watch.lookAtAll();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(this.watch.state(Dependency.BROKER).available()).isFalse();
		assertThat(this.watch.state(Dependency.BROKER).reason()).contains("did not answer within 100 ms");
		assertThatExceptionOfType(DependencyUnavailableException.class)
			.isThrownBy(() -> this.watch.require(Dependency.BROKER))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(2)));

		this.brokerAnswers.set(true);
		this.watch.lookAtAll();
		assertThat(this.watch.state(Dependency.BROKER).available()).isTrue();
	}

	@Test
	void aRequestCallPastItsBoundFailsAsUnavailableWithoutRefusingTheOthers() {
		this.watch.lookAtAll();

		StepVerifier.create(this.watch.bounded(Dependency.BROKER, Mono.never()))
			.expectError(DependencyUnavailableException.class)
			.verify(Duration.ofSeconds(2));
		assertThat(this.watch.state(Dependency.BROKER).available()).isTrue();
	}

	@Test
	void aCallThatAnswersInTimePassesThrough() {
		StepVerifier.create(this.watch.bounded(Dependency.DATABASE, Mono.just(42))).expectNext(42).verifyComplete();
	}

	@Test
	void anUnwatchedDependencyIsNeverInTheWay() {
		assertThatNoException().isThrownBy(() -> this.watch.require(Dependency.DATABASE));
	}

	@Test
	void theBackgroundLooksStartWithTheServiceAndStopWithIt() {
		this.watch.start();
		try {
			assertThat(this.watch.isRunning()).isTrue();
			assertThat(this.watch.state(Dependency.BROKER).available()).isTrue();
		}
		finally {
			this.watch.stop();
		}
		assertThat(this.watch.isRunning()).isFalse();
	}

}
