package io.github.cfqueues.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The client packages stay usable without Spring Boot: only the auto-configuration knows Boot.
 */
class ClientArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.cfqueues");

	@Test
	void clientImportsNothingFromSpringBoot() {
		noClasses().that()
			.resideInAPackage("io.github.cfqueues.client..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(CLASSES);
	}

	@Test
	void clientDoesNotDependOnTheAutoConfiguration() {
		noClasses().that()
			.resideInAPackage("io.github.cfqueues.client..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.cfqueues.autoconfigure..")
			.check(CLASSES);
	}

}
