package dev.stackplan.kit;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Every service answers errors as RFC 9457 problems ({@link ProblemWebExceptionHandler})
 * and gives every request an id ({@link RequestIdFilter}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemsAutoConfiguration {

	/** Before Spring Boot's error handler, which is at -1. */
	@Bean
	@ConditionalOnMissingBean
	@Order(-2)
	ProblemWebExceptionHandler problemWebExceptionHandler(JsonMapper json) {
		return new ProblemWebExceptionHandler(json);
	}

	/** First of all filters, so that every answer, even a refused one, has the id. */
	@Bean
	@ConditionalOnMissingBean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RequestIdFilter requestIdFilter(JsonMapper json) {
		return new RequestIdFilter(json);
	}

}
