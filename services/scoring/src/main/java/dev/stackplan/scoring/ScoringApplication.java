package dev.stackplan.scoring;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Ranks the stack options of every plan request from the knowledge base. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ScoringApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(ScoringApplication.class).main(ScoringApplication.class);
	}

}
