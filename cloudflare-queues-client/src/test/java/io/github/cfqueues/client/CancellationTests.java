package io.github.cfqueues.client;

import java.time.Duration;

import io.github.cfqueues.client.internal.publish.BatchingPublishers;
import io.github.cfqueues.client.internal.publish.BatchingQueuePublisher;
import io.github.cfqueues.client.internal.publish.HeldAnswers;
import io.github.cfqueues.client.error.QueueRateLimitedException;
import io.github.cfqueues.client.internal.flow.FlowController;
import io.github.cfqueues.client.internal.publish.DefaultQueuePublisher;
import io.github.cfqueues.client.internal.ratelimit.AccountRateLimiter;
import io.github.cfqueues.client.internal.ratelimit.QueueOverloadGate;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import static io.github.cfqueues.client.internal.publish.BatchingPublishers.flowOf;
import static io.github.cfqueues.client.internal.publish.BatchingPublishers.storedBodies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One cancellation contract for every publisher: cancelling before the message is sent withdraws it and gives back
 * its flow-control room and rate-limit permit; after it is sent, the caller no longer learns the outcome and the
 * message may be delivered.
 * <p>
 * The permit tests use a limiter with one permit every 10 s and a {@code max-wait} of 15 s: a push that must wait 20
 * s is refused at once, so a push that is not refused proves it got the slot a cancelled push gave back.
 */
class CancellationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final RateLimitSettings ONE_PER_TEN_SECONDS = new RateLimitSettings(3, Duration.ofSeconds(20), 1,
			1.0, Duration.ofSeconds(15), RateLimitSettings.CLOUDFLARE_LOCKOUT);

	private CloudflareQueuesEmulator emulator;

	private String url;

	@BeforeEach
	void startEmulator() {
		this.emulator = BatchingPublishers.startEmulator();
		this.url = "http://127.0.0.1:" + this.emulator.port();
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.stop();
	}

	private static QueueOverloadGate gate(AccountRateLimiter limiter) {
		return new QueueOverloadGate(limiter, Duration.ofSeconds(15));
	}

	@Test
	void perMessagePushCancelledWhileWaitingForAPermitIsNotSentAndGivesBackRoomAndPermit() {
		AccountRateLimiter limiter = new AccountRateLimiter(TestPublishers.ACCOUNT, ONE_PER_TEN_SECONDS);
		DefaultQueuePublisher publisher = (DefaultQueuePublisher) TestPublishers.at(this.url).gate(gate(limiter)).build();
		publisher.pushText("first").block(TIMEOUT);

		Disposable second = publisher.pushText("second").subscribe();
		await().until(() -> outstanding(flowOf(publisher)) == 1);
		second.dispose();

		assertThat(outstanding(flowOf(publisher))).isZero();
		StepVerifier.create(publisher.pushText("third")).expectSubscription().expectNoEvent(Duration.ofMillis(300))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(storedBodies(this.emulator)).containsExactly("first");
		assertThat(limiter.refusalCount()).isZero();
	}

	@Test
	void withoutTheGiveBackTheNextPushWouldBeRefused() {
		AccountRateLimiter limiter = new AccountRateLimiter(TestPublishers.ACCOUNT, ONE_PER_TEN_SECONDS);
		QueuePublisher publisher = TestPublishers.at(this.url).gate(gate(limiter)).build();
		publisher.pushText("first").block(TIMEOUT);
		Disposable second = publisher.pushText("second").subscribe();

		StepVerifier.create(publisher.pushText("third")).expectError(QueueRateLimitedException.class).verify(TIMEOUT);
		second.dispose();
	}

	@Test
	void gatheredPushCancelledBeforeItsBatchIsSentIsWithdrawnAndGivesBackItsRoom() {
		HeldAnswers held = new HeldAnswers();
		this.emulator.setFaultInjector(held);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator).build();
		publisher.pushText("m0").subscribe();
		await().atMost(TIMEOUT).until(() -> held.arrived() == 1);

		Disposable m1 = publisher.pushText("m1").subscribe();
		publisher.pushText("m2").subscribe();
		await().until(() -> outstanding(flowOf(publisher)) == 3);
		m1.dispose();
		assertThat(outstanding(flowOf(publisher))).isEqualTo(2);
		held.release();

		StepVerifier.create(publisher.flush()).expectComplete().verify(TIMEOUT);
		assertThat(storedBodies(this.emulator)).containsExactly("m0", "m2");
		assertThat(outstanding(flowOf(publisher))).isZero();
	}

	@Test
	void gatheredPushCancelledAfterItsBatchWasSentMayStillBeDelivered() {
		HeldAnswers held = new HeldAnswers();
		this.emulator.setFaultInjector(held);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator).build();
		Disposable m0 = publisher.pushText("m0").subscribe();
		await().atMost(TIMEOUT).until(() -> held.arrived() == 1);

		m0.dispose();
		assertThat(outstanding(flowOf(publisher))).isOne();
		held.release();

		await().atMost(TIMEOUT).until(() -> outstanding(flowOf(publisher)) == 0);
		assertThat(storedBodies(this.emulator)).containsExactly("m0");
	}

	@Test
	void aBatchWhoseMessagesAreAllCancelledWhileItWaitsForItsPermitGivesThePermitBack() {
		AccountRateLimiter limiter = new AccountRateLimiter(TestPublishers.ACCOUNT, ONE_PER_TEN_SECONDS);
		BatchingQueuePublisher publisher = BatchingPublishers.at(this.emulator).gate(gate(limiter)).build();
		publisher.pushText("m0").block(TIMEOUT);

		Disposable m1 = publisher.pushText("m1").subscribe();
		await().until(() -> outstanding(flowOf(publisher)) == 1);
		m1.dispose();

		StepVerifier.create(publisher.pushText("m2")).expectSubscription().expectNoEvent(Duration.ofMillis(300))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(storedBodies(this.emulator)).containsExactly("m0");
		assertThat(limiter.refusalCount()).isZero();
		assertThat(outstanding(flowOf(publisher))).isZero();
	}

	private static int outstanding(FlowController flow) {
		return flow.outstandingMessages();
	}

}
