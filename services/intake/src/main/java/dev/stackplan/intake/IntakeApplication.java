package dev.stackplan.intake;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Validates and normalises plan requests and publishes {@code plan.requested}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(IntakeApplication.class).main(IntakeApplication.class);
	}

}
