package dev.stackplan.intake.plan;

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
 * A web slice of intake as the gateway meets it: the controllers named (all without a
 * name) behind the internal-call security chain, every error answered as the running
 * intake answers it, intake/application.yml bound and {@link IntakeWebTestBeans}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebFluxTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "dev\\.stackplan\\.intake\\.InternalCallSecurityConfiguration"))
@ImportAutoConfiguration(ProblemsAutoConfiguration.class)
@Import(IntakeWebTestBeans.class)
@interface IntakeWebFluxTest {

	@AliasFor(annotation = WebFluxTest.class)
	Class<?>[] controllers() default {};

}
