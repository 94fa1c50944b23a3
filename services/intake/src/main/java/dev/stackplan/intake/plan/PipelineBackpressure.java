package dev.stackplan.intake.plan;

import java.util.List;
import java.util.Map;

import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.intake.IntakeProperties;
import dev.stackplan.kit.ConsumerGroupProbe;
import dev.stackplan.kit.ConsumerGroupProbe.GroupState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far behind plan.requested the pipeline's consumer groups are, looked at in the
 * background so that a request never waits for the look. A group that has never committed
 * an offset (it has not run yet) does not count: its backlog is unknown, not large.
 */
@Component
class PipelineBackpressure {

	private static final Log logger = LogFactory.getLog(PipelineBackpressure.class);

	private static final List<String> PIPELINE = List.of(ConsumerGroups.SCORING, ConsumerGroups.COSTING,
			ConsumerGroups.GATEWAY);

	private final ConsumerGroupProbe probe;

	private final IntakeProperties.Backpressure settings;

	private volatile long backlog;

	PipelineBackpressure(ConsumerGroupProbe probe, IntakeProperties properties, MeterRegistry meters) {
		this.probe = probe;
		this.settings = properties.backpressure();
		Gauge.builder("stackplan.pipeline.backlog", this, (self) -> self.backlog)
			.description("Plan requests the slowest consumer group of the pipeline is behind plan.requested")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${stackplan.intake.backpressure.check-interval}")
	void look() {
		try {
			Map<String, GroupState> states = this.probe.probe(PIPELINE, Topics.PLAN_REQUESTED);
			this.backlog = states.values()
				.stream()
				.filter((state) -> state.backlog() != null)
				.mapToLong(GroupState::backlog)
				.max()
				.orElse(0);
		}
		catch (ConsumerGroupProbe.ProbeFailedException ex) {
			// the broker is away: publishing fails fast on its own, so keep the last look
			logger.debug("Could not look at the pipeline's backlog", ex);
		}
	}

	/**
	 * @throws PipelineBehindException when the slowest group is further behind than the
	 * bound
	 */
	void requireCapacity() {
		long behind = this.backlog;
		if (behind > this.settings.maxBacklog()) {
			throw new PipelineBehindException(behind, this.settings.retryAfter());
		}
	}

}
