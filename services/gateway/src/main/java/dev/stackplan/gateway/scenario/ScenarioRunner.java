package dev.stackplan.gateway.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.event.ScenarioPlanRequested;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.kit.PlanEventPublisher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Runs a scenario in the background: reads the selected requests from the log once,
 * records how many there are, then publishes each to {@code scenario.requested} with the
 * scenario's overrides. Scoring and costing answer on the scenario topics, and the
 * results listener counts the scenario to completion.
 */
@Component
class ScenarioRunner {

	private static final Log logger = LogFactory.getLog(ScenarioRunner.class);

	private static final Duration LONGEST_SCENARIO = Duration.ofHours(6);

	private final PlanLog log;

	private final ScenarioRepository scenarios;

	private final PlanEventPublisher publisher;

	private final MeterRegistry meters;

	ScenarioRunner(PlanLog log, ScenarioRepository scenarios, PlanEventPublisher publisher, MeterRegistry meters) {
		this.log = log;
		this.scenarios = scenarios;
		this.publisher = publisher;
		this.meters = meters;
	}

	void start(UUID scenarioId, ScenarioSource source, JsonNode overrides) {
		Schedulers.boundedElastic().schedule(() -> run(scenarioId, source, overrides));
	}

	private void run(UUID scenarioId, ScenarioSource source, JsonNode overrides) {
		AtomicReference<Double> progress = new AtomicReference<>(0.0);
		Gauge gauge = Gauge.builder("stackplan.scenario.progress", progress, AtomicReference::get)
			.description("Share of a running what-if scenario's plans that are back, 0 to 1")
			.tag("scenario", scenarioId.toString())
			.register(this.meters);
		try {
			List<PlanRequested> selected = new ArrayList<>();
			PlanLog.Scan scan = this.log.scan(source, selected::add);
			this.scenarios.started(scenarioId, scan).block();
			List<CompletableFuture<?>> sends = new ArrayList<>(selected.size());
			for (PlanRequested request : selected) {
				sends.add(this.publisher.send(PlanEvent.SCENARIO_REQUESTED, request.planId(),
						new ScenarioPlanRequested(scenarioId, request.planId(), request.request(), overrides)));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
			this.scenarios.published(scenarioId, sends.size()).block();
			followProgress(scenarioId, progress);
		}
		catch (Exception ex) {
			logger.warn("Scenario " + scenarioId + " failed", ex);
			this.scenarios.failed(scenarioId, ex.getClass().getSimpleName() + ": " + ex.getMessage()).block();
		}
		finally {
			this.meters.remove(gauge);
		}
	}

	private void followProgress(UUID scenarioId, AtomicReference<Double> progress) throws InterruptedException {
		long deadline = System.nanoTime() + LONGEST_SCENARIO.toNanos();
		while (System.nanoTime() < deadline) {
			ScenarioRow row = this.scenarios.find(scenarioId).block();
			if (row == null || row.total() == null) {
				return;
			}
			progress.set((row.total() == 0) ? 1.0 : (double) row.processed() / row.total());
			if (!"RUNNING".equals(row.status())) {
				return;
			}
			Thread.sleep(1000);
		}
	}

}
