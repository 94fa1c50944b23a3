package dev.stackplan.kit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.stackplan.contracts.topic.ConsumerGroups;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.contracts.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics every service declares: each plan topic of {@link PlanEvent} and its
 * dead-letter topic, all with the configured partitions, so that partition N of each
 * holds the same plans.
 */
class PlanTopicsTests {

	private static final int PARTITIONS = 5;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlanKafkaAutoConfiguration.class, KafkaAutoConfiguration.class))
		// no broker here: nothing may try to create the topics
		.withPropertyValues("spring.kafka.admin.auto-create=false", "spring.kafka.bootstrap-servers=127.0.0.1:1",
				"stackplan.topics.partitions=" + PARTITIONS, "stackplan.topics.replicas=3");

	@Test
	void everyTopicOfTheContractsAndItsDeadLetterTopicIsDeclaredOnceWithTheConfiguredLayout() {
		this.runner.run((context) -> {
			Collection<NewTopic> declared = declared(context);
			Set<String> expected = constants(Topics.class).stream()
				.flatMap((topic) -> List.of(topic, topic + PlanEvent.DEAD_LETTER_SUFFIX).stream())
				.collect(Collectors.toSet());
			assertThat(declared).extracting(NewTopic::name)
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(expected);
			assertThat(declared).allSatisfy((topic) -> {
				assertThat(topic.numPartitions()).as(topic.name()).isEqualTo(PARTITIONS);
				assertThat(topic.replicationFactor()).as(topic.name()).isEqualTo((short) 3);
			});
		});
	}

	@Test
	void everyDeadLetterTopicHasThePartitionsOfTheTopicItServes() {
		this.runner.run((context) -> {
			Map<String, NewTopic> declared = declared(context).stream()
				.collect(Collectors.toMap(NewTopic::name, Function.identity()));
			for (PlanEvent event : PlanEvent.values()) {
				assertThat(declared).containsKeys(event.topic(), event.deadLetterTopic());
				assertThat(declared.get(event.deadLetterTopic()).numPartitions()).as(event.deadLetterTopic())
					.isEqualTo(declared.get(event.topic()).numPartitions());
			}
		});
	}

	@Test
	void theTopicConstantsForAnnotationsAreTheTopicsOfTheEvents() {
		Set<String> ofEvents = Arrays.stream(PlanEvent.values()).map(PlanEvent::topic).collect(Collectors.toSet());
		assertThat(constants(Topics.class)).containsExactlyInAnyOrderElementsOf(ofEvents);
	}

	@Test
	void everyConsumerGroupHasANameOfItsOwn() {
		List<String> groups = constants(ConsumerGroups.class);
		assertThat(groups).isNotEmpty().doesNotHaveDuplicates().allSatisfy((group) -> assertThat(group).isNotBlank());
		assertThat(groups).doesNotContainAnyElementsOf(constants(Topics.class));
	}

	/**
	 * The topics the application's admin creates, collected from the context as it does.
	 */
	private static Collection<NewTopic> declared(ApplicationContext context) {
		DeclaredTopics admin = new DeclaredTopics();
		admin.setApplicationContext(context);
		return admin.newTopics();
	}

	private static List<String> constants(Class<?> holder) {
		return Arrays.stream(holder.getDeclaredFields())
			.filter((field) -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
			.map(PlanTopicsTests::value)
			.toList();
	}

	private static String value(Field field) {
		try {
			return (String) field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class DeclaredTopics extends KafkaAdmin {

		DeclaredTopics() {
			super(Map.of());
		}

		@Override
		protected Collection<NewTopic> newTopics() {
			return super.newTopics();
		}

	}

}
