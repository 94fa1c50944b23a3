package dev.stackplan.costing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Estimates the engineer cost of every stack option of every plan request. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CostingApplication {

	/**
	 * Its configuration is costing.yml, not application.yml: services may share one class
	 * path.
	 */
	public static final String CONFIG_NAME = "spring.config.name=costing";

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(CostingApplication.class).main(CostingApplication.class)
			.properties(CONFIG_NAME);
	}

}
