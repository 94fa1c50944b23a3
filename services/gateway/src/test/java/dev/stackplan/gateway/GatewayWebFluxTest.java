package dev.stackplan.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.stackplan.kit.ProblemsAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A web slice of the gateway as a client meets it: the controllers named (all without a
 * name) behind the real security chain, every error answered as the running gateway
 * answers it (the advice and service-kit's problem handler), gateway/application.yml
 * bound and {@link GatewayWebTestBeans}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebFluxTest
@ImportAutoConfiguration(ProblemsAutoConfiguration.class)
@Import(GatewayWebTestBeans.class)
public @interface GatewayWebFluxTest {

	/** The security chain, which {@code @WebFluxTest} would leave out. */
	String SECURITY = "dev\\.stackplan\\.gateway\\.client\\.ApiSecurityConfiguration";

	@AliasFor(annotation = WebFluxTest.class)
	Class<?>[] controllers() default {};

	@AliasFor(annotation = WebFluxTest.class)
	String[] properties() default {};

	@AliasFor(annotation = WebFluxTest.class)
	ComponentScan.Filter[] includeFilters() default @ComponentScan.Filter(type = FilterType.REGEX, pattern = SECURITY);

}
