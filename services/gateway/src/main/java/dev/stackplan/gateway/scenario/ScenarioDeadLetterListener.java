package dev.stackplan.gateway.scenario;

import java.util.Objects;
import java.util.UUID;

import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.gateway.RawRecordsConfiguration;
import dev.stackplan.kit.DeadLetterHeaders;
import dev.stackplan.kit.PlanKafkaAutoConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

	private final GatewayProperties properties;

	ScenarioDeadLetterListener(ScenarioRepository scenarios, JsonMapper json, GatewayProperties properties) {
		this.scenarios = scenarios;
		this.json = json;
		this.properties = properties;
	}

	@KafkaListener(topics = "#{T(dev.stackplan.contracts.topic.PlanEvent).SCENARIO_REQUESTED.deadLetterTopic()}",
			groupId = ConsumerGroups.GATEWAY_SCENARIOS, containerFactory = RawRecordsConfiguration.RAW_LISTENER_FACTORY)
	void on(ConsumerRecord<String, byte[]> deadLetter) {
		UUID scenarioId = scenarioId(deadLetter.value());
		if (scenarioId == null) {
			logger.warn("Ignoring a scenario dead letter without a scenario id, key " + deadLetter.key());
			return;
		}
		this.scenarios
			.failed(scenarioId,
					Objects.toString(DeadLetterHeaders.text(deadLetter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
							"unknown")
							+ " failed: "
							+ Objects.toString(DeadLetterHeaders.text(deadLetter,
									PlanKafkaAutoConfiguration.DEAD_LETTER_REASON_HEADER), "unknown"))
			.block(this.properties.storeTimeout());
	}

	private UUID scenarioId(byte[] value) {
		try {
			return UUID.fromString(this.json.readTree(value).path("scenarioId").asString());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
