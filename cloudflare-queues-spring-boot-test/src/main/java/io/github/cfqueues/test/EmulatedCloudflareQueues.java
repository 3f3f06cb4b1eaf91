package io.github.cfqueues.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Connects the application of a Spring Boot test ({@code @SpringBootTest}) to a Cloudflare Queues emulator started
 * for it, through {@link CloudflareQueuesEmulatorConfiguration}: no request reaches Cloudflare, no account is
 * needed, and the configured queues exist in the emulator under their names. Inject {@link EmulatedQueues} to find
 * them, and check them with {@link CloudflareQueuesAssertions}. After each test method the emulator is emptied
 * (unless {@link #resetAfterEachTest()} is {@code false}), so that every test starts from empty queues, also in an
 * application context shared with other test classes; what the application pushed while starting is there for the
 * first test method only.
 * <pre>{@code
 * @SpringBootTest
 * @EmulatedCloudflareQueues
 * class CheckoutTests {
 *
 *     @Autowired
 *     EmulatedQueues queues;
 *
 *     @Test
 *     void placingAnOrderPushesIt(@Autowired Checkout checkout) {
 *         checkout.placedBlocking(new Order(1042, "Widget"));
 *         assertThat(this.queues.queue("default")).hasReceivedBodies("{\"id\":1042,\"item\":\"Widget\"}");
 *     }
 *
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(CloudflareQueuesEmulatorConfiguration.class)
public @interface EmulatedCloudflareQueues {

	/**
	 * Whether the emulator is emptied after each test method: its queues stay, their messages and history go.
	 * @return {@code true} unless turned off, for example to check in several test methods what the application
	 * pushed while starting
	 */
	boolean resetAfterEachTest() default true;

}
