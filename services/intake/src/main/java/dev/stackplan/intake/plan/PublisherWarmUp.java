package dev.stackplan.intake.plan;

import java.time.Instant;

import dev.stackplan.contracts.topic.Topics;
import dev.stackplan.intake.IntakeProperties;
import dev.stackplan.kit.BeforeWebServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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
class PublisherWarmUp extends BeforeWebServer {

	private static final Log logger = LogFactory.getLog(PublisherWarmUp.class);

	private final KafkaTemplate<String, Object> template;

	private final IntakeProperties.WarmUp settings;

	PublisherWarmUp(KafkaTemplate<String, Object> template, IntakeProperties properties) {
		this.template = template;
		this.settings = properties.warmUp();
	}

	@Override
	protected void beforeWebServer() {
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
	}

}
