package dev.stackplan.gateway.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import dev.stackplan.kit.PlanKafkaAutoConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * A replayed request that scoring or costing gave up on (typically overrides that name
 * real paths but make no valid knowledge base, such as a rate that is not a number) fails
 * its scenario with the reason, instead of leaving it running forever.
 */
@Component
class ScenarioDeadLetterListener {

	private static final Log logger = LogFactory.getLog(ScenarioDeadLetterListener.class);

	private final ScenarioRepository scenarios;

	private final JsonMapper json;

	ScenarioDeadLetterListener(ScenarioRepository scenarios, JsonMapper json) {
		this.scenarios = scenarios;
		this.json = json;
	}

	@KafkaListener(topics = "#{T(dev.stackplan.contracts.topic.PlanEvent).SCENARIO_REQUESTED.deadLetterTopic()}",
			groupId = "gateway-scenarios", containerFactory = "rawListenerContainerFactory")
	void on(ConsumerRecord<String, byte[]> deadLetter) {
		UUID scenarioId = scenarioId(deadLetter.value());
		if (scenarioId == null) {
			logger.warn("Ignoring a scenario dead letter without a scenario id, key " + deadLetter.key());
			return;
		}
		this.scenarios
			.failed(scenarioId,
					header(deadLetter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP) + " failed: "
							+ header(deadLetter, PlanKafkaAutoConfiguration.DEAD_LETTER_REASON_HEADER))
			.block(Duration.ofSeconds(10));
	}

	private UUID scenarioId(byte[] value) {
		try {
			return UUID.fromString(this.json.readTree(value).path("scenarioId").asString());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8)
				: "unknown";
	}

}
