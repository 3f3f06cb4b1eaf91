package io.github.cfqueues.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The auto-configuration builds the client through its public builder and nothing else: it holds no HTTP or
 * publishing logic and never reaches into the client's internals.
 */
class AutoConfigurationArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.cfqueues.autoconfigure");

	@Test
	void autoConfigurationUsesOnlyTheClientsPublicApi() {
		noClasses().that()
			.resideInAPackage("io.github.cfqueues.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.cfqueues.client.internal..")
			.check(CLASSES);
	}

}
