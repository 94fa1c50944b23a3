package dev.stackplan.gateway.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.event.ScenarioPlanRequested;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.kit.PlanEventPublisher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives scenarios in the background, one gateway instance per scenario at a time: the
 * instance holds a lease on the scenario's row and renews it every heartbeat; when its
 * gateway stops, another instance (or the same one, restarted) takes the scenario over
 * once the lease runs out (at once after a graceful stop, which releases it).
 * <p>
 * Driving a scenario: read the selected requests from the log, store how many there are
 * and where the scan ended, then publish them to {@code scenario.requested} in plan id
 * order, a chunk at a time, storing after each chunk how many are on the broker. A
 * resumed scenario scans to the stored end offsets, so it selects the same requests, and
 * publishes from the stored count on. Scoring and costing answer on the scenario topics,
 * and the results listener counts the scenario to completion; a result that comes twice
 * is stored and counted once, so nothing published twice is counted twice.
 */
@Component
class ScenarioRunner {

	private static final Log logger = LogFactory.getLog(ScenarioRunner.class);

	private static final TypeReference<Map<Integer, Long>> END_OFFSETS = new TypeReference<>() {
	};

	private final PlanLog log;

	private final ScenarioRepository scenarios;

	private final PlanEventPublisher publisher;

	private final MeterRegistry meters;

	private final JsonMapper json;

	private final ScenarioProperties properties;

	private final Duration storeTimeout;

	/** The scenarios this instance holds a lease on. */
	private final Map<UUID, Drive> driven = new ConcurrentHashMap<>();

	private volatile boolean stopping;

	ScenarioRunner(PlanLog log, ScenarioRepository scenarios, PlanEventPublisher publisher, MeterRegistry meters,
			JsonMapper json, ScenarioProperties properties, GatewayProperties gateway) {
		this.log = log;
		this.scenarios = scenarios;
		this.publisher = publisher;
		this.meters = meters;
		this.json = json;
		this.properties = properties;
		this.storeTimeout = gateway.storeTimeout();
	}

	/** Claims a scenario just created and drives it, off the caller's thread. */
	void start(UUID scenarioId, ScenarioSource source, JsonNode overrides) {
		Schedulers.boundedElastic().schedule(() -> {
			ScenarioRow claimed = this.scenarios
				.claim(scenarioId, this.properties.instanceId(), this.properties.lease(),
						this.properties.maxTakeovers())
				.block(this.storeTimeout);
			if (claimed != null) {
				drive(claimed, source, overrides);
			}
		});
	}

	/**
	 * Renews this instance's leases, lets go of the scenarios it no longer holds, fails
	 * those that can never finish, and takes over abandoned ones while it has room.
	 */
	@Scheduled(fixedDelayString = "${stackplan.gateway.scenarios.heartbeat}")
	void heartbeat() {
		if (this.stopping) {
			return;
		}
		try {
			List<ScenarioRepository.Progress> held = this.scenarios
				.renew(this.properties.instanceId(), this.properties.lease())
				.collectList()
				.block(this.storeTimeout);
			Set<UUID> stillHeld = new HashSet<>();
			for (ScenarioRepository.Progress progress : Objects.requireNonNull(held)) {
				stillHeld.add(progress.scenarioId());
				Drive drive = this.driven.get(progress.scenarioId());
				if (drive != null) {
					drive.progress(progress);
				}
			}
			this.driven.keySet().stream().filter((id) -> !stillHeld.contains(id)).toList().forEach(this::letGo);
			this.scenarios.failStuck(this.properties.longest(), this.properties.maxTakeovers())
				.block(this.storeTimeout);
			int room = this.properties.maxDriven() - this.driven.size();
			if (room > 0) {
				List<ScenarioRow> abandoned = this.scenarios
					.claimAbandoned(this.properties.instanceId(), this.properties.lease(),
							this.properties.maxTakeovers(), room)
					.collectList()
					.block(this.storeTimeout);
				for (ScenarioRow row : Objects.requireNonNull(abandoned)) {
					logger.info("Taking over scenario " + row.scenarioId() + " (" + row.status() + ", "
							+ row.published() + " of " + row.total() + " published)");
					Schedulers.boundedElastic().schedule(() -> resume(row));
				}
			}
		}
		catch (RuntimeException ex) {
			// the next heartbeat tries again; a lease not renewed in time passes to
			// another
			// instance, which is what should happen when this one cannot reach the
			// database
			logger.warn("Scenario heartbeat failed: " + ex.getMessage());
		}
	}

	/**
	 * A graceful stop hands this instance's scenarios on at once: stop publishing and
	 * release the leases.
	 */
	@PreDestroy
	void stop() {
		this.stopping = true;
		List.copyOf(this.driven.keySet()).forEach(this::letGo);
		try {
			this.scenarios.release(this.properties.instanceId()).block(this.storeTimeout);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not release the scenario leases; they pass on when they run out: " + ex.getMessage());
		}
	}

	private void resume(ScenarioRow row) {
		try {
			drive(row, this.json.readValue(row.source(), ScenarioSource.class), this.json.readTree(row.overrides()));
		}
		catch (RuntimeException ex) {
			fail(row.scenarioId(), "The stored scenario cannot be read back: " + ex.getMessage());
		}
	}

	private void drive(ScenarioRow row, ScenarioSource source, JsonNode overrides) {
		UUID scenarioId = row.scenarioId();
		Drive drive = new Drive(scenarioId);
		if (this.stopping || this.driven.putIfAbsent(scenarioId, drive) != null) {
			return;
		}
		drive.register();
		try {
			List<PlanRequested> selected = new ArrayList<>();
			Map<Integer, Long> endAt = (row.logEndOffsets() != null)
					? this.json.readValue(row.logEndOffsets(), END_OFFSETS) : null;
			PlanLog.Scan scan = this.log.scan(source, endAt, selected::add);
			if (row.status() == ScenarioStatus.COUNTING) {
				if (!Boolean.TRUE.equals(
						this.scenarios
							.started(scenarioId, this.properties.instanceId(), scan,
									this.json.writeValueAsString(scan.endOffsets()))
							.block(this.storeTimeout))) {
					return;
				}
			}
			else if (!Objects.equals(row.total(), scan.requests())) {
				fail(scenarioId, "The log no longer holds the requests this scenario replays (" + scan.requests()
						+ " of " + row.total() + " found), so it cannot resume");
				return;
			}
			selected.sort(Comparator.comparing(PlanRequested::planId));
			publish(drive, selected, (row.status() == ScenarioStatus.COUNTING) ? 0 : row.published(), overrides);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			if (drive.held()) {
				logger.warn("Scenario " + scenarioId + " failed", ex);
				fail(scenarioId, "The replay stopped: " + message(ex));
			}
		}
	}

	/**
	 * Publishes from {@code from} on, a chunk at a time; stops when this instance no
	 * longer holds the scenario.
	 */
	private void publish(Drive drive, List<PlanRequested> selected, int from, JsonNode overrides) throws Exception {
		int chunk = this.properties.publishChunk();
		for (int start = from; start < selected.size() && drive.held(); start += chunk) {
			List<PlanRequested> requests = selected.subList(start, Math.min(selected.size(), start + chunk));
			List<CompletableFuture<?>> sends = new ArrayList<>(requests.size());
			for (PlanRequested request : requests) {
				sends.add(this.publisher.send(PlanEvent.SCENARIO_REQUESTED, request.planId(),
						new ScenarioPlanRequested(drive.scenarioId, request.planId(), request.request(), overrides)));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(this.properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
			if (!Boolean.TRUE.equals(
					this.scenarios.published(drive.scenarioId, this.properties.instanceId(), start + requests.size())
						.block(this.storeTimeout))) {
				letGo(drive.scenarioId);
			}
		}
	}

	private void fail(UUID scenarioId, String reason) {
		try {
			this.scenarios.failed(scenarioId, reason).block(this.storeTimeout);
		}
		catch (RuntimeException ex) {
			// the lease runs out and the next holder tries again, or the scenario times
			// out
			logger.warn("Could not mark scenario " + scenarioId + " failed: " + ex.getMessage());
		}
		letGo(scenarioId);
	}

	private void letGo(UUID scenarioId) {
		Drive drive = this.driven.remove(scenarioId);
		if (drive != null) {
			drive.release();
		}
	}

	/** Whether this instance drives the scenario now. */
	boolean drives(UUID scenarioId) {
		return this.driven.containsKey(scenarioId);
	}

	private static String message(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : "no reason given";
	}

	/** One scenario this instance drives, with its progress gauge. */
	private final class Drive {

		private final UUID scenarioId;

		private final AtomicReference<Double> share = new AtomicReference<>(0.0);

		private volatile @Nullable Gauge gauge;

		private volatile boolean released;

		Drive(UUID scenarioId) {
			this.scenarioId = scenarioId;
		}

		void register() {
			this.gauge = Gauge.builder("stackplan.scenario.progress", this.share, AtomicReference::get)
				.description("Share of a running what-if scenario's plans that are back, 0 to 1")
				.tag("scenario", this.scenarioId.toString())
				.register(ScenarioRunner.this.meters);
		}

		void progress(ScenarioRepository.Progress progress) {
			if (progress.total() != null) {
				this.share.set((progress.total() == 0) ? 1.0 : (double) progress.processed() / progress.total());
			}
		}

		boolean held() {
			return !this.released;
		}

		void release() {
			this.released = true;
			Gauge registered = this.gauge;
			if (registered != null) {
				ScenarioRunner.this.meters.remove(registered);
			}
		}

	}

}
