package dev.stackplan.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one public entry: forwards plan requests to intake, joins {@code framework.scored}
 * and {@code cost.estimated} into the plan read model and publishes
 * {@code plan.assembled}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(GatewayApplication.class).main(GatewayApplication.class);
	}

}
