package dev.stackplan.intake.plan;

import java.time.Instant;

import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.intake.IntakeProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens the producer and learns plan.requested's partitions before the web server takes
 * requests: the template creates its producer on the first send, and a first send that
 * also connects, registers the idempotent producer and fetches metadata can outlast the
 * short acknowledgement bound a client is promised, so the first requests after a start
 * would be refused.
 */
@Component
class PublisherWarmUp implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PublisherWarmUp.class);

	/** Where Spring Boot starts the web server; this runs just before. */
	private static final int WEB_SERVER_PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

	private final KafkaTemplate<String, Object> template;

	private final IntakeProperties.WarmUp settings;

	private volatile boolean running;

	PublisherWarmUp(KafkaTemplate<String, Object> template, IntakeProperties properties) {
		this.template = template;
		this.settings = properties.warmUp();
	}

	@Override
	public void start() {
		Instant deadline = Instant.now().plus(this.settings.giveUpAfter());
		while (Instant.now().isBefore(deadline)) {
			try {
				if (!this.template.partitionsFor(Topics.PLAN_REQUESTED).isEmpty()) {
					break;
				}
			}
			catch (RuntimeException ex) {
				logger.debug("The producer is not ready yet", ex);
			}
			try {
				Thread.sleep(this.settings.pause().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return WEB_SERVER_PHASE - 1;
	}

}
