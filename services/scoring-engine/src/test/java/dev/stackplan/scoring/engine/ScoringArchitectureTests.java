package dev.stackplan.scoring.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine stays a pure function: the platform adapts it, it never reaches for the
 * platform.
 */
class ScoringArchitectureTests {

	private static final JavaClasses SCORING = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.stackplan.scoring");

	@Test
	void theEngineDependsOnNoFrameworkMessagingOrReactiveLibrary() {
		noClasses().that()
			.resideInAPackage("dev.stackplan.scoring.engine..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "reactor..", "io.r2dbc..")
			.check(SCORING);
	}

}
