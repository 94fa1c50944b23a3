package dev.stackplan.contracts.topic;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.stackplan.contracts.event.CostEstimated;
import dev.stackplan.contracts.event.CostEstimatedV1;
import dev.stackplan.contracts.event.FrameworkScored;
import dev.stackplan.contracts.event.FrameworkScoredV1;
import dev.stackplan.contracts.event.PlanAssembled;
import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.event.ScenarioCostEstimated;
import dev.stackplan.contracts.event.ScenarioFrameworkScored;
import dev.stackplan.contracts.event.ScenarioPlanRequested;

/**
 * The one place that names every event type: its topic, its type token on the wire (never
 * a Java class name), its record and its JSON schema. Every plan topic is keyed by planId
 * and has the same partition count, so one gateway instance sees every part of a plan.
 */
public enum PlanEvent {

	PLAN_REQUESTED(Topics.PLAN_REQUESTED, "plan-requested.v1", PlanRequested.class),

	FRAMEWORK_SCORED(Topics.FRAMEWORK_SCORED, "framework-scored.v2", FrameworkScored.class),

	COST_ESTIMATED(Topics.COST_ESTIMATED, "cost-estimated.v2", CostEstimated.class),

	PLAN_ASSEMBLED(Topics.PLAN_ASSEMBLED, "plan-assembled.v1", PlanAssembled.class),

	SCENARIO_REQUESTED(Topics.SCENARIO_REQUESTED, "scenario-requested.v1", ScenarioPlanRequested.class),

	SCENARIO_SCORED(Topics.SCENARIO_SCORED, "scenario-scored.v2", ScenarioFrameworkScored.class),

	SCENARIO_ESTIMATED(Topics.SCENARIO_ESTIMATED, "scenario-estimated.v2", ScenarioCostEstimated.class),

	/**
	 * The first, rich form of {@link #FRAMEWORK_SCORED}: no longer written, still read,
	 * so that events already on the log are assembled as before.
	 */
	FRAMEWORK_SCORED_V1(Topics.FRAMEWORK_SCORED, "framework-scored.v1", FrameworkScoredV1.class),

	/** The first, rich form of {@link #COST_ESTIMATED}: no longer written, still read. */
	COST_ESTIMATED_V1(Topics.COST_ESTIMATED, "cost-estimated.v1", CostEstimatedV1.class);

	/** Appended to a topic's name to name its dead-letter topic. */
	public static final String DEAD_LETTER_SUFFIX = ".dlt";

	private final String topic;

	private final String typeToken;

	private final Class<?> type;

	PlanEvent(String topic, String typeToken, Class<?> type) {
		this.topic = topic;
		this.typeToken = typeToken;
		this.type = type;
	}

	public String topic() {
		return this.topic;
	}

	public String deadLetterTopic() {
		return this.topic + DEAD_LETTER_SUFFIX;
	}

	public String typeToken() {
		return this.typeToken;
	}

	public Class<?> type() {
		return this.type;
	}

	/** Classpath location of the event's JSON schema. */
	public String schemaResource() {
		return "schemas/" + this.typeToken + ".schema.json";
	}

	/** Token-to-class mappings in the form Spring Kafka's JSON (de)serializers read. */
	public static String typeMappings() {
		return Arrays.stream(values())
			.map((event) -> event.typeToken + ":" + event.type.getName())
			.collect(Collectors.joining(","));
	}

}
