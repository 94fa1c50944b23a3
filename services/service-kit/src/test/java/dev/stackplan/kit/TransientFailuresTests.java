package dev.stackplan.kit;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class TransientFailuresTests {

	@Test
	void aDependencyThatIsAwayPassesWhenItIsBack() {
		assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("listener failed",
				new IllegalStateException("store", new TimeoutException("no answer")))))
			.isTrue();
		assertThat(TransientFailures.isTransient(new UncheckedIOException(new ConnectException("refused")))).isTrue();
		assertThat(TransientFailures.isTransient(new NotLeaderOrFollowerException("moved"))).isTrue();
		assertThat(TransientFailures
			.isTransient(new DependencyUnavailableException(Dependency.DATABASE, Duration.ofSeconds(1), null)))
			.isTrue();
	}

	@Test
	void reactorsBlockingTimeoutIsTransient() {
		Throwable timedOut = catchThrowable(() -> Mono.never().block(Duration.ofMillis(10)));
		assertThat(TransientFailures.isTransient(timedOut)).isTrue();
	}

	@Test
	void aRecordThatCannotBeHandledFailsAgainAndIsNotTransient() {
		assertThat(TransientFailures.isTransient(new InvalidEventException("no planId"))).isFalse();
		assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad value"))).isFalse();
		assertThat(TransientFailures.isTransient(new RecordTooLargeException("too large"))).isFalse();
	}

}
