package dev.stackplan.kit;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * service-kit's beans are there for every service, and a service (or a test) that
 * declares its own gets its own instead.
 */
class ConditionalBeansTests {

	private static final DependencyProperties DEPENDENCIES = new DependencyProperties(Duration.ofMillis(250),
			Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10));

	private final ApplicationContextRunner kafka = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlanKafkaAutoConfiguration.class, KafkaAutoConfiguration.class))
		// no broker here: nothing may try to create the topics
		.withPropertyValues("spring.kafka.admin.auto-create=false", "spring.kafka.bootstrap-servers=127.0.0.1:1");

	@Test
	void aServiceGetsTheDeadLetterErrorHandlerAndThePublisher() {
		this.kafka.run((context) -> {
			assertThat(context).hasSingleBean(CommonErrorHandler.class).hasSingleBean(PlanEventPublisher.class);
			assertThat(context.getBean(CommonErrorHandler.class)).isInstanceOf(DefaultErrorHandler.class);
		});
	}

	@Test
	void anErrorHandlerPublisherOrProbeOfItsOwnReplacesTheKits() {
		CommonErrorHandler ownHandler = new CommonLoggingErrorHandler();
		PlanEventPublisher ownPublisher = mock(PlanEventPublisher.class);
		ConsumerGroupProbe ownProbe = mock(ConsumerGroupProbe.class);
		this.kafka.withBean("ownHandler", CommonErrorHandler.class, () -> ownHandler)
			.withBean("ownPublisher", PlanEventPublisher.class, () -> ownPublisher)
			.withBean("ownProbe", ConsumerGroupProbe.class, () -> ownProbe)
			.run((context) -> {
				assertThat(context.getBean(CommonErrorHandler.class)).isSameAs(ownHandler);
				assertThat(context.getBean(PlanEventPublisher.class)).isSameAs(ownPublisher);
				assertThat(context.getBean(ConsumerGroupProbe.class)).isSameAs(ownProbe);
			});
	}

	@Test
	void aDependencyWatchAndBrokerHealthOfItsOwnReplaceTheKits() {
		DependencyWatch ownWatch = new DependencyWatch(Map.of(), DEPENDENCIES);
		HealthIndicator ownBrokerHealth = () -> Health.up().withDetail("own", true).build();
		this.kafka.withConfiguration(AutoConfigurations.of(DependenciesAutoConfiguration.class))
			.withBean("ownWatch", DependencyWatch.class, () -> ownWatch)
			.withBean("brokerHealthIndicator", HealthIndicator.class, () -> ownBrokerHealth)
			.run((context) -> {
				assertThat(context).hasSingleBean(DependencyWatch.class);
				assertThat(context.getBean(DependencyWatch.class)).isSameAs(ownWatch);
				assertThat(context.getBean("brokerHealthIndicator")).isSameAs(ownBrokerHealth);
			});
	}

	@Test
	void aProblemHandlerAndRequestIdFilterOfItsOwnReplaceTheKits() {
		JsonMapper json = JsonMapper.builder().build();
		ProblemWebExceptionHandler ownHandler = new ProblemWebExceptionHandler(json);
		RequestIdFilter ownFilter = new RequestIdFilter(json);
		ReactiveWebApplicationContextRunner web = new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ProblemsAutoConfiguration.class))
			.withBean(JsonMapper.class, () -> json);
		web.run((context) -> assertThat(context).hasSingleBean(ProblemWebExceptionHandler.class)
			.hasSingleBean(RequestIdFilter.class));
		web.withBean("ownHandler", ProblemWebExceptionHandler.class, () -> ownHandler)
			.withBean("ownFilter", RequestIdFilter.class, () -> ownFilter)
			.run((context) -> {
				assertThat(context.getBean(ProblemWebExceptionHandler.class)).isSameAs(ownHandler);
				assertThat(context.getBean(RequestIdFilter.class)).isSameAs(ownFilter);
			});
	}

}
