package dev.stackplan.kit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock and the knowledge base every service used to declare for itself: there by
 * default, and a service's or a test's own replaces them.
 */
class SharedBeansAutoConfigurationTests {

	private static final Clock STANDING_STILL = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class, KnowledgeAutoConfiguration.class));

	@Test
	void aServiceGetsTheUtcSystemClockAndTheKnowledgeThisBuildShips() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(Clock.class).hasSingleBean(KnowledgeBase.class);
			assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC());
			assertThat(context.getBean(KnowledgeBase.class).version()).isEqualTo(KnowledgeBase.load().version());
		});
	}

	@Test
	void aClockOfItsOwnReplacesTheSystemClock() {
		this.runner.withUserConfiguration(OwnClock.class).run((context) -> {
			assertThat(context).hasSingleBean(Clock.class);
			assertThat(context.getBean(Clock.class)).isSameAs(STANDING_STILL);
		});
	}

	@Test
	void aKnowledgeBaseOfItsOwnReplacesTheShippedOne() {
		KnowledgeBase own = KnowledgeBase.load();
		this.runner.withBean("ownKnowledge", KnowledgeBase.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(KnowledgeBase.class);
			assertThat(context.getBean(KnowledgeBase.class)).isSameAs(own);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClock {

		@Bean
		Clock testClock() {
			return STANDING_STILL;
		}

	}

}
