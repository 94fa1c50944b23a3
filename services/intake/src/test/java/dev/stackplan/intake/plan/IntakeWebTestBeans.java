package dev.stackplan.intake.plan;

import dev.stackplan.intake.IntakeProperties;
import dev.stackplan.testsupport.WebSliceBeans;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What every intake web slice needs beside its controller: intake's settings (bound from
 * application.yml), a meter registry and the {@link WebSliceBeans}.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
@Import(WebSliceBeans.class)
class IntakeWebTestBeans {

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

}
