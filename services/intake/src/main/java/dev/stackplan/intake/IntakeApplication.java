package dev.stackplan.intake;

import dev.stackplan.kit.KnowledgeAutoConfiguration;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Validates and normalises plan requests and publishes {@code plan.requested}. Without
 * the shared knowledge base bean: the request validator loads the knowledge it checks
 * assumptions against.
 */
@SpringBootApplication(exclude = KnowledgeAutoConfiguration.class)
@ConfigurationPropertiesScan
public class IntakeApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(IntakeApplication.class).main(IntakeApplication.class);
	}

}
