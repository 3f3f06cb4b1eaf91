package io.github.cfqueues.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The client stands on its own: it knows nothing of Spring Boot or of the auto-configuration, and its public API
 * shows none of its internals.
 */
class ClientArchitectureTests {

	private static final String CLIENT = "io.github.cfqueues.client";

	private static final String INTERNAL = CLIENT + ".internal";

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

	/**
	 * What users see never mentions an internal type: the public and protected members of the public types of every
	 * package outside {@code internal} take, return, throw and extend none, not even as a type argument
	 * ({@code Mono<InternalType>}) or a bound.
	 */
	@Test
	void thePublicApiExposesNoInternalType() {
		classes().that()
			.resideInAPackage(CLIENT + "..")
			.and()
			.resideOutsideOfPackage(INTERNAL + "..")
			.and()
			.arePublic()
			.should(exposeNoInternalType())
			.check(CLASSES);
	}

	private static ArchCondition<JavaClass> exposeNoInternalType() {
		return new ArchCondition<>("expose no " + INTERNAL + " type") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				List<JavaType> signature = new ArrayList<>(type.getInterfaces());
				type.getSuperclass().ifPresent(signature::add);
				signature.addAll(type.getTypeParameters());
				report(type, type.getName(), signature, events);
				for (JavaMember member : type.getMembers()) {
					if (!member.getModifiers().contains(JavaModifier.PUBLIC)
							&& !member.getModifiers().contains(JavaModifier.PROTECTED)) {
						continue;
					}
					List<JavaType> types = new ArrayList<>();
					if (member instanceof JavaField field) {
						types.add(field.getType());
					}
					if (member instanceof JavaCodeUnit code) {
						types.add(code.getReturnType());
						types.addAll(code.getParameterTypes());
						types.addAll(code.getTypeParameters());
						types.addAll(code.getThrowsClause().getTypes());
					}
					report(type, member.getFullName(), types, events);
				}
			}

			private void report(JavaClass type, String where, List<JavaType> types, ConditionEvents events) {
				types.stream()
					.flatMap((exposed) -> exposed.getAllInvolvedRawTypes().stream())
					.filter((involved) -> (involved.getPackageName() + ".").startsWith(INTERNAL + "."))
					.map(JavaClass::getName)
					.distinct()
					.forEach((internal) -> events
						.add(SimpleConditionEvent.violated(type, where + " exposes " + internal)));
			}

		};
	}

	/**
	 * Micrometer's core is an optional dependency: only the recorder a user creates with a {@code MeterRegistry}
	 * touches it, so that a client without it never loads a class that needs it.
	 */
	@Test
	void onlyTheMicrometerRecorderNeedsMicrometerCore() {
		noClasses().that()
			.resideInAPackage("io.github.cfqueues.client..")
			.and()
			.doNotHaveFullyQualifiedName("io.github.cfqueues.client.metrics.MicrometerMetricsRecorder")
			.and()
			.doNotHaveFullyQualifiedName("io.github.cfqueues.client.metrics.MicrometerMetricsRecorder$Key")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.micrometer.core..")
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
