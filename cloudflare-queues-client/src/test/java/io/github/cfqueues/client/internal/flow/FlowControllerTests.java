package io.github.cfqueues.client.internal.flow;

import io.github.cfqueues.client.FlowControlSettings;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.error.CloudflareQueuesException;
import io.github.cfqueues.client.error.PublisherClosedException;
import io.github.cfqueues.client.error.PublisherOverloadedException;
import io.github.cfqueues.client.FlowControlSettings.LimitBehavior;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The bookkeeping of {@link FlowController}: what is admitted, refused, or waits, and in which order waiting
 * admissions are handed over.
 */
class FlowControllerTests {

	private static final QueueEndpoint ENDPOINT = new QueueEndpoint("orders", "0123456789abcdef0123456789abcdef",
			"fedcba9876543210fedcba9876543210", CloudflareCredentials.apiToken("token"));

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final List<String> events = new CopyOnWriteArrayList<>();

	private FlowController flow(LimitBehavior behavior) {
		return new FlowController(new FlowControlSettings(100, 256_000, behavior, 10_000, Duration.ofSeconds(60)), ENDPOINT);
	}

	private Disposable admit(FlowController flow, String name, int count, long size) {
		return flow.admit(count, size, () -> this.events.add(name), (error) -> this.events.add(name + " refused: "
				+ error.getClass().getSimpleName()));
	}

	@Test
	void settingsBelowOneBatchAreRejectedNamingTheMinimum() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FlowControlSettings(99, 256_000, LimitBehavior.WAIT, 10_000,
				Duration.ofSeconds(60)))
			.withMessageContaining("100 messages");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FlowControlSettings(100, 255_999, LimitBehavior.WAIT, 10_000,
				Duration.ofSeconds(60)))
			.withMessageContaining("256000 bytes");
	}

	@Test
	void failBehaviourRefusesWhatDoesNotFitAndKeepsNothingWaiting() {
		FlowController flow = flow(LimitBehavior.FAIL);
		admit(flow, "a", 60, 1_000);

		AtomicReference<CloudflareQueuesException> refusal = new AtomicReference<>();
		flow.admit(41, 1_000, () -> this.events.add("b"), refusal::set);
		admit(flow, "c", 40, 1_000);

		assertThat(this.events).containsExactly("a", "c");
		assertThat(refusal.get()).isInstanceOf(PublisherOverloadedException.class)
			.hasMessageContaining("holds 60 messages and 1000 bytes, and 41 more (1000 bytes) would pass")
			.hasMessageContaining("flow-control.max-outstanding-messages 100, max-outstanding-bytes 256000B")
			.hasMessageContaining("flow-control.limit-behavior is fail");
		assertThat(flow.waiting()).isZero();
		assertThat(flow.outstandingMessages()).isEqualTo(100);
	}

	@Test
	void waitBehaviourAdmitsWaitersFirstComeFirstServedAsRoomFreesUp() {
		FlowController flow = flow(LimitBehavior.WAIT);
		admit(flow, "a", 100, 1_000);
		admit(flow, "b", 50, 1_000);
		admit(flow, "c", 10, 1_000);

		assertThat(this.events).containsExactly("a");
		flow.release(40, 400);
		assertThat(this.events).containsExactly("a");
		flow.release(20, 200);
		assertThat(this.events).containsExactly("a", "b", "c");
		assertThat(flow.outstandingMessages()).isEqualTo(100);
		assertThat(flow.waiting()).isZero();
	}

	@Test
	void aLaterSmallAdmissionDoesNotOvertakeAWaitingOne() {
		FlowController flow = flow(LimitBehavior.WAIT);
		admit(flow, "a", 90, 1_000);
		admit(flow, "big", 20, 1_000);

		admit(flow, "small", 1, 1_000);

		assertThat(this.events).containsExactly("a");
		assertThat(flow.waiting()).isEqualTo(2);
	}

	@Test
	void aWithdrawnWaiterIsNeverAdmittedAndLetsTheNextOneIn() {
		FlowController flow = flow(LimitBehavior.WAIT);
		admit(flow, "a", 90, 1_000);
		Disposable big = admit(flow, "big", 20, 1_000);
		admit(flow, "small", 10, 1_000);

		big.dispose();

		assertThat(this.events).containsExactly("a", "small");
		flow.release(100, 2_000);
		assertThat(this.events).containsExactly("a", "small");
	}

	@Test
	void closeRefusesWaitersAndEverythingAfter() {
		FlowController flow = flow(LimitBehavior.WAIT);
		admit(flow, "a", 100, 1_000);
		admit(flow, "b", 1, 1_000);

		flow.close();
		AtomicReference<CloudflareQueuesException> refusal = new AtomicReference<>();
		flow.admit(1, 1, () -> this.events.add("c"), refusal::set);

		assertThat(this.events).containsExactly("a", "b refused: PublisherClosedException");
		assertThat(refusal.get()).isInstanceOf(PublisherClosedException.class).hasMessageContaining("shut down");
		assertThat(flow.isClosed()).isTrue();
	}

	@Test
	void whenIdleCompletesOnceEverythingAdmittedIsReleased() {
		FlowController flow = flow(LimitBehavior.WAIT);
		StepVerifier.create(flow.whenIdle()).expectComplete().verify(TIMEOUT);
		admit(flow, "a", 10, 1_000);
		admit(flow, "b", 5, 500);

		CompletableFuture<Void> idle = flow.whenIdle().toFuture();
		flow.release(10, 1_000);
		assertThat(idle).isNotDone();
		flow.release(5, 500);

		assertThat(idle).isCompleted();
	}

	@Test
	void anAdmissionArrivingWhileWaitersAreHandedOverRunsAfterThem() throws Exception {
		FlowController flow = flow(LimitBehavior.WAIT);
		CountDownLatch handingOver = new CountDownLatch(1);
		CountDownLatch resume = new CountDownLatch(1);
		admit(flow, "a", 100, 1_000);
		flow.admit(1, 100, () -> {
			this.events.add("first waiter");
			handingOver.countDown();
			awaitQuietly(resume);
		}, (error) -> this.events.add("refused"));
		admit(flow, "second waiter", 1, 100);

		Thread releasing = new Thread(() -> flow.release(100, 1_000));
		releasing.start();
		assertThat(handingOver.await(10, TimeUnit.SECONDS)).isTrue();
		// The releasing thread is still handing the first waiter over; a push arrives from elsewhere.
		Thread newcomer = new Thread(() -> admit(flow, "newcomer", 1, 100));
		newcomer.start();
		newcomer.join(TimeUnit.SECONDS.toMillis(10));
		resume.countDown();
		releasing.join(TimeUnit.SECONDS.toMillis(10));

		await().atMost(TIMEOUT).until(() -> this.events.size() == 4);
		assertThat(this.events).containsExactly("a", "first waiter", "second waiter", "newcomer");
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void aPushBeyondMaxWaitingFailsAtOnceNamingTheProperty() {
		FlowController flow = new FlowController(new FlowControlSettings(100, 256_000, LimitBehavior.WAIT, 2,
				Duration.ofSeconds(60)), ENDPOINT);
		admit(flow, "a", 100, 1_000);
		admit(flow, "b", 1, 1_000);
		admit(flow, "c", 1, 1_000);
		AtomicReference<CloudflareQueuesException> refusal = new AtomicReference<>();
		flow.admit(1, 1_000, () -> this.events.add("d"), refusal::set);

		assertThat(refusal.get()).isInstanceOf(PublisherOverloadedException.class)
			.hasMessageContaining("2 pushes already wait for room, as many as flow-control.max-waiting allows");
		assertThat(flow.waiting()).isEqualTo(2);
		flow.release(100, 1_000);
		assertThat(this.events).containsExactly("a", "b", "c");
	}

	@Test
	void aPushThatWaitsLongerThanMaxWaitFailsAndFreesItsPlaceInLine() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		FlowController flow = new FlowController(new FlowControlSettings(100, 256_000, LimitBehavior.WAIT, 10,
				Duration.ofSeconds(5)), ENDPOINT, time);
		admit(flow, "a", 100, 1_000);
		AtomicReference<CloudflareQueuesException> refusal = new AtomicReference<>();
		flow.admit(1, 1_000, () -> this.events.add("b"), refusal::set);
		time.advanceTimeBy(Duration.ofSeconds(3));
		admit(flow, "c", 1, 1_000);
		time.advanceTimeBy(Duration.ofSeconds(2));

		assertThat(refusal.get()).isInstanceOf(PublisherOverloadedException.class)
			.hasMessageContaining("the push waited for room for flow-control.max-wait (PT5S)");
		assertThat(flow.waiting()).isEqualTo(1);
		flow.release(1, 1_000);
		assertThat(this.events).containsExactly("a", "c");
		time.advanceTimeBy(Duration.ofSeconds(10));
		assertThat(this.events).containsExactly("a", "c");
		assertThat(flow.outstandingMessages()).isEqualTo(100);
	}

}
