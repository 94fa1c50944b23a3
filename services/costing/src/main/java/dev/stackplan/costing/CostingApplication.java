package dev.stackplan.costing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Estimates the engineer cost of every stack option of every plan request. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CostingApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(CostingApplication.class).main(CostingApplication.class);
	}

}
