package dev.stackplan.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's settings bind from application.yml alone, and a value out of its bounds
 * stops the start with the key named, instead of a listener with no consumers or a body
 * limit of nothing.
 */
class GatewaySettingsValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(Settings.class);

	@Test
	void applicationYmlHoldsEveryDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			GatewayProperties properties = context.getBean(GatewayProperties.class);
			assertThat(properties.maxBody()).isEqualTo(DataSize.ofKilobytes(64));
			assertThat(properties.listenerConcurrency()).isEqualTo(3);
			assertThat(properties.defaultPageSize()).isEqualTo(20);
			assertThat(properties.rateLimit().burst()).isEqualTo(200);
			assertThat(context.getBean(InputLimits.class).maxPlanIds()).isEqualTo(100_000);
		});
	}

	@Test
	void aConcurrencyOfNoneStopsTheStartNamingIt() {
		this.runner.withPropertyValues("stackplan.gateway.listener-concurrency=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("stackplan.gateway")
				.hasMessageContaining("listenerConcurrency");
		});
	}

	@Test
	void aRateOfNoneStopsTheStartNamingIt() {
		this.runner.withPropertyValues("stackplan.gateway.rate-limit.burst=-1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("rateLimit.burst");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ GatewayProperties.class, InputLimits.class })
	static class Settings {

	}

}
