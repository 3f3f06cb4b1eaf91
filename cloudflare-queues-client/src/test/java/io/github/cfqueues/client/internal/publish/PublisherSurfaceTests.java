package io.github.cfqueues.client.internal.publish;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publishers show nothing beyond the interfaces they implement: no public getter lets code outside them take or
 * release flow-control room behind their back. Tests reach their state through {@link BatchingPublishers}.
 */
class PublisherSurfaceTests {

	@ParameterizedTest
	@ValueSource(classes = { DefaultQueuePublisher.class, BatchingQueuePublisher.class })
	void everyPublicMethodIsOneOfAnInterface(Class<?> publisher) {
		Set<Class<?>> interfaces = ClassUtils.getAllInterfacesForClassAsSet(publisher);
		assertThat(Arrays.stream(publisher.getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()) && !method.isSynthetic())
			.filter((method) -> !declaredByAny(interfaces, method))
			.map(Method::toGenericString)).isEmpty();
	}

	private static boolean declaredByAny(Set<Class<?>> interfaces, Method method) {
		if (ReflectionUtils.findMethod(Object.class, method.getName(), method.getParameterTypes()) != null) {
			return true;
		}
		return interfaces.stream()
			.anyMatch((type) -> ReflectionUtils.findMethod(type, method.getName(), method.getParameterTypes()) != null);
	}

}
