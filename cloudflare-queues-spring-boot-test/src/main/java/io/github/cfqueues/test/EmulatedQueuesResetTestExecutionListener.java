package io.github.cfqueues.test;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Empties the emulator after each test method of an {@link EmulatedCloudflareQueues} test (unless
 * {@link EmulatedCloudflareQueues#resetAfterEachTest() turned off}), so that the next test,
 * which may share the application context, starts from empty queues. Emptying after rather than before a test keeps
 * what the application pushed while starting for the first test to see.
 */
public class EmulatedQueuesResetTestExecutionListener extends AbstractTestExecutionListener {

	/**
	 * Runs after Spring's own listeners have handled the test.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		EmulatedCloudflareQueues emulated = TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(),
				EmulatedCloudflareQueues.class);
		if (emulated != null && emulated.resetAfterEachTest() && testContext.hasApplicationContext()) {
			testContext.getApplicationContext()
				.getBeanProvider(EmulatedQueues.class)
				.ifAvailable(EmulatedQueues::reset);
		}
	}

}
