package dev.stackplan.gateway.scenario;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** The report's CSV form, beside the JSON every other answer has. */
@Configuration(proxyBeanMethods = false)
class ScenarioWebConfiguration implements WebFluxConfigurer {

	@Override
	public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
		configurer.customCodecs().register(new ScenarioReportCsvWriter());
	}

}
