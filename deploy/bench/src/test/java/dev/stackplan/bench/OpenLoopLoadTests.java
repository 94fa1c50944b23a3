package dev.stackplan.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stackplan.bench.OpenLoopLoad.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.LoopResources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator against a server that stalls for a second: an open loop goes on sending
 * during the stall and charges every request for the time since it should have been sent,
 * so the stall shows in the tail; a closed loop would record one slow request.
 */
class OpenLoopLoadTests {

	private static final int RATE = 100;

	private static final int SECONDS = 3;

	private static final int STALL_AT_REQUEST = 100;

	private static final long STALL_MILLIS = 1000;

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicLong stallEnds = new AtomicLong();

	private HttpServer server;

	private ExecutorService executor;

	private LoopResources loops;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.executor = Executors.newCachedThreadPool();
		this.server.setExecutor(this.executor);
		this.server.createContext("/api/v1/plans", this::accept);
		this.server.start();
		this.loops = LoopResources.create("test-io", 1, true);
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
		this.executor.shutdownNow();
		this.loops.disposeLater().block(Duration.ofSeconds(5));
	}

	private void accept(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		if (this.requests.incrementAndGet() == STALL_AT_REQUEST) {
			this.stallEnds.set(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS));
		}
		long wait = this.stallEnds.get() - System.nanoTime();
		if (wait > 0) {
			try {
				Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		byte[] body = ("{\"planId\":\"" + UUID.randomUUID() + "\",\"status\":\"PENDING\"}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(202, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Test
	void aStallIsChargedToEveryRequestScheduledDuringIt() {
		BenchSettings settings = BenchSettings.from(new Flags(new String[0]));
		String url = "http://127.0.0.1:" + this.server.getAddress().getPort();
		try (OpenLoopLoad load = new OpenLoopLoad(new Target("stub", url, "/api/v1/plans", "demo-key", 202), settings,
				this.loops)) {
			OpenLoopLoad.Running running = load.start("test", RATE, SECONDS, PlanBodies.varied(10), true);
			LoadResult result = running.await();
			List<OpenLoopLoad.TrackedPlan> tracked = running.tracked();

			assertThat(result.scheduled()).isEqualTo((long) RATE * SECONDS);
			assertThat(result.accepted()).isEqualTo(result.scheduled());
			assertThat(tracked).hasSize(RATE * SECONDS);
			// about a second's worth of requests (a third of them) waited for the stall,
			// from 0 to 1000 ms:
			// the slowest tenth all waited more than half of it
			assertThat(result.accept().p90()).isGreaterThan(STALL_MILLIS / 2.0);
			assertThat(result.accept().max()).isGreaterThan(STALL_MILLIS * 0.9);
		}
	}

}
