package dev.stackplan.kit;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Every service answers errors as RFC 9457 problems ({@link ProblemWebExceptionHandler}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemsAutoConfiguration {

	/** Before Spring Boot's error handler, which is at -1. */
	@Bean
	@Order(-2)
	ProblemWebExceptionHandler problemWebExceptionHandler(JsonMapper json) {
		return new ProblemWebExceptionHandler(json);
	}

}
