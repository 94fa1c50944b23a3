package dev.stackplan.gateway.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.stackplan.gateway.GatewayApplication;
import dev.stackplan.testsupport.TestInfrastructure;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances on one database: a client's requests draw on one budget however
 * they are spread over the instances, and the bucket in Postgres behaves as a token
 * bucket (its burst at once, then a token per 1/rate).
 */
class SharedRateLimitTests {

	/** Its SHA-256 is configured below. */
	private static final String LIMITED_KEY = "limited-key";

	private static final String LIMITED_KEY_SHA256 = "f33b2500796d61f96eeef0f5331ddc40c17e434aff139f4d9e00bfe75170d87a";

	private static final int BURST = 4;

	private static final String CLIENT_ID = "limited-" + UUID.randomUUID();

	private static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

	@BeforeAll
	static void twoGateways() {
		for (int i = 0; i < 2; i++) {
			// as arguments, which outrank application.yml (a list set here replaces its
			// clients)
			List<String> args = new ArrayList<>();
			TestInfrastructure.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
			args.addAll(List.of("--server.port=0", "--management.server.port=0", "--stackplan.topics.partitions=3",
					"--stackplan.gateway.clients[0].id=" + CLIENT_ID,
					"--stackplan.gateway.clients[0].key-sha256=" + LIMITED_KEY_SHA256,
					"--stackplan.gateway.clients[0].requests-per-second=1",
					"--stackplan.gateway.clients[0].burst=" + BURST));
			gateways.add(GatewayApplication.application().registerShutdownHook(false).run(args.toArray(String[]::new)));
		}
	}

	@AfterAll
	static void stop() {
		gateways.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aClientsRequestsSpreadOverTwoGatewaysShareItsOneBudget() {
		List<WebTestClient> clients = gateways.stream().map(SharedRateLimitTests::client).toList();
		int allowed = 0;
		List<Integer> limitedBy = new ArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < 4 * BURST; i++) {
			int gateway = i % 2;
			EntityExchangeResult<byte[]> answer = clients.get(gateway)
				.get()
				.uri("/api/v1/plans")
				.exchange()
				.expectBody()
				.returnResult();
			if (answer.getStatus().value() == 200) {
				allowed++;
			}
			else {
				assertThat(answer.getStatus().value()).isEqualTo(429);
				assertThat(answer.getResponseHeaders().getFirst("Retry-After")).isNotNull();
				limitedBy.add(gateway);
			}
		}
		long elapsedSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

		// one budget: the burst plus one token a second, whichever gateway answered; a
		// bucket per gateway would have let through twice the burst
		assertThat(allowed).isBetween(BURST, BURST + (int) elapsedSeconds);
		assertThat(allowed).isLessThan(2 * BURST);
		assertThat(limitedBy).as("both gateways refuse once the budget is spent").contains(0, 1);
	}

	@Test
	void theSharedBucketGrantsItsBurstAtOnceThenATokenASecondAndNeverMoreThanItsBurst() throws InterruptedException {
		RateLimiter limiter = gateways.get(0).getBean(RateLimiter.class);
		ApiClient client = new ApiClient("bucket-" + UUID.randomUUID(), Set.of("client"), 1, 3);

		List<RateLimiter.Taken> burst = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			burst.add(limiter.take(client).block());
		}
		assertThat(burst).extracting(RateLimiter.Taken::waitNanos).startsWith(0L, 0L, 0L);
		assertThat(burst).extracting(RateLimiter.Taken::remaining).containsExactly(2L, 1L, 0L, 0L);
		assertThat(burst.get(3).waitNanos()).as("a token a second").isBetween(1L, 1_000_000_000L);

		Thread.sleep(burst.get(3).waitNanos() / 1_000_000 + 50);
		assertThat(limiter.take(client).block().waitNanos()).isZero();
		assertThat(limiter.take(client).block().waitNanos()).isPositive();

		Thread.sleep(4_000);
		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			waits.add(limiter.take(client).block().waitNanos());
		}
		assertThat(waits).as("a quiet spell refills the burst, not more").startsWith(0L, 0L, 0L);
		assertThat(waits.get(3)).isPositive();
	}

	@Test
	void aTakeOfSeveralTokensGetsWhatTheBucketHoldsAndConcurrentTakesThroughBothGatewaysNeverExceedTheBurst() {
		ApiClient client = new ApiClient("batch-" + UUID.randomUUID(), Set.of("client"), 1, 5);
		TokenBuckets first = gateways.get(0).getBean(TokenBuckets.class);
		TokenBuckets second = gateways.get(1).getBean(TokenBuckets.class);

		long started = System.nanoTime();
		TokenBuckets.Grant opening = first.take(client, 3).block();
		assertThat(opening.granted()).as("a fresh bucket is full").isEqualTo(3);
		assertThat(opening.takenBy(2).remaining()).isEqualTo(2);

		List<TokenBuckets.Grant> racing = Flux.merge(first.take(client, 2), second.take(client, 2))
			.collectList()
			.block();
		long refilled = (System.nanoTime() - started) / 1_000_000_000L;
		int granted = racing.stream().mapToInt(TokenBuckets.Grant::granted).sum();
		assertThat(granted).as("the two left, and one a second since, between two takes of two at once")
			.isBetween(2, (int) Math.min(4, 2 + refilled));
		TokenBuckets.Grant shortOne = racing.stream()
			.min(Comparator.comparingInt(TokenBuckets.Grant::granted))
			.orElseThrow();
		if (shortOne.granted() < 2) {
			assertThat(shortOne.takenBy(1).waitNanos()).as("a token a second").isBetween(1L, 1_000_000_000L);
			assertThat(shortOne.takenBy(1).remaining()).isZero();
		}
	}

	@Test
	void aTakeAnswersWhileEveryConnectionOfTheMainPoolIsHeld() {
		ConfigurableApplicationContext gateway = gateways.get(0);
		ConnectionPool main = gateway.getBean(ConnectionPool.class);
		PoolMetrics metrics = main.getMetrics().orElseThrow();
		// the rest of the pool: the plan status watch holds a connection for good
		int free = metrics.getMaxAllocatedSize() - metrics.acquiredSize();
		List<Connection> held = Flux.range(0, free)
			.flatMap((i) -> Mono.from(main.create()))
			.collectList()
			.block(Duration.ofSeconds(10));
		try {
			assertThat(metrics.acquiredSize()).as("the main pool has nothing left")
				.isEqualTo(metrics.getMaxAllocatedSize());
			ApiClient client = new ApiClient("bulkhead-" + UUID.randomUUID(), Set.of("client"), 10, 10);

			RateLimiter.Taken taken = gateway.getBean(RateLimiter.class).take(client).block(Duration.ofSeconds(2));

			assertThat(taken.waitNanos()).isZero();
			assertThat(taken.remaining()).isEqualTo(9);
		}
		finally {
			Flux.fromIterable(held).flatMap(Connection::close).blockLast(Duration.ofSeconds(10));
		}
	}

	private static WebTestClient client(ConfigurableApplicationContext gateway) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"))
			.defaultHeader("Authorization", "Bearer " + LIMITED_KEY)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

}
