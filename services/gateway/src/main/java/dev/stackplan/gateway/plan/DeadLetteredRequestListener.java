package dev.stackplan.gateway.plan;

import java.time.Clock;
import java.util.UUID;

import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.gateway.Half;
import dev.stackplan.gateway.RawRecordsConfiguration;
import dev.stackplan.kit.DeadLetterHeaders;
import dev.stackplan.kit.PlanKafkaAutoConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * When scoring or costing gives up on a plan request, the request lands on
 * {@code plan.requested.dlt} with the consumer group that failed and the reason. The plan
 * then shows that half as missing, with that reason, instead of waiting for the deadline.
 * Read as raw bytes: a dead letter may be anything.
 */
@Component
class DeadLetteredRequestListener {

	private static final Log logger = LogFactory.getLog(DeadLetteredRequestListener.class);

	private final PlanRepository plans;

	private final GatewayProperties properties;

	private final PlanMetrics metrics;

	private final Clock clock;

	DeadLetteredRequestListener(PlanRepository plans, GatewayProperties properties, PlanMetrics metrics, Clock clock) {
		this.plans = plans;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	@KafkaListener(topics = "#{T(dev.stackplan.contracts.topic.PlanEvent).PLAN_REQUESTED.deadLetterTopic()}",
			groupId = ConsumerGroups.GATEWAY, containerFactory = RawRecordsConfiguration.RAW_LISTENER_FACTORY)
	void on(ConsumerRecord<String, byte[]> deadLetter) {
		String group = DeadLetterHeaders.text(deadLetter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
		UUID planId = planId(deadLetter.key());
		if (planId == null || group == null) {
			logger.warn("Ignoring a dead letter on " + PlanEvent.PLAN_REQUESTED.deadLetterTopic()
					+ " without a plan id key or consumer group: key=" + deadLetter.key());
			return;
		}
		Half.ofService(group).ifPresent((half) -> {
			String reason = half.service() + " failed: " + String
				.valueOf(DeadLetterHeaders.text(deadLetter, PlanKafkaAutoConfiguration.DEAD_LETTER_REASON_HEADER));
			PlanRepository.StateChange change = this.plans.recordFailedHalf(planId, half, reason)
				.block(this.properties.storeTimeout());
			if (change != null) {
				this.metrics.changed(change.was(), change.now(), change.requestedAt(), this.clock.instant());
			}
		});
	}

	private static UUID planId(String key) {
		try {
			return (key != null) ? UUID.fromString(key) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
