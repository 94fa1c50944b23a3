package dev.stackplan.costing.engine;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine is plain Java: it can be tested, benchmarked and reused without a Spring
 * context, a broker or a database.
 */
@AnalyzeClasses(packages = "dev.stackplan.costing", importOptions = ImportOption.DoNotIncludeTests.class)
class CostingArchitectureTests {

	@ArchTest
	static final ArchRule engineDependsOnNoFrameworkOrInfrastructure = noClasses().that()
		.resideInAPackage("dev.stackplan.costing.engine..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "reactor..", "io.r2dbc..");

	@ArchTest
	static final ArchRule engineDoesNotReachIntoThePlatform = noClasses().that()
		.resideInAPackage("dev.stackplan.costing.engine..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.stackplan.costing.plan..", "dev.stackplan.kit..");

}
