package io.github.cfqueues.architecture;

import java.util.function.Function;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

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

	/**
	 * {@code concatMap} without a prefetch (Reactor's default since 3.5) can drop or repeat an inner value when the
	 * request signal comes from another thread (reactor/reactor-core#4406, open); it lost {@code pushBatch} answers.
	 * Pass a prefetch ({@code concatMap(mapper, 1)}) until the upstream fix ships.
	 */
	@Test
	void clientNeverUsesConcatMapWithoutPrefetch() {
		noClasses().that()
			.resideInAPackage("io.github.cfqueues..")
			.should()
			.callMethod(Flux.class, "concatMap", Function.class)
			.orShould()
			.callMethod(Flux.class, "concatMapDelayError", Function.class)
			.check(CLASSES);
	}

}
