package dev.stackplan.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Implemented by a Spring test whose context runs against the real broker and database of
 * {@link TestInfrastructure}. Spring finds the {@code @DynamicPropertySource} method on
 * the interface, so every such test registers them the same way, and tests with the same
 * configuration share one context.
 */
public interface UsesTestInfrastructure {

	@DynamicPropertySource
	static void testInfrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

}
