package io.github.cfqueues.client.listener;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.CloudflareQueuesClient;
import io.github.cfqueues.client.LogCapture;
import io.github.cfqueues.client.QueueConsumerOptions;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.ReceivedMessage;
import io.github.cfqueues.client.TestClock;
import io.github.cfqueues.client.TestPublishers;
import io.github.cfqueues.emulator.CloudflareQueuesEmulator;
import io.github.cfqueues.emulator.EmulatedQueue;
import io.github.cfqueues.emulator.RetriedMessage;
import io.github.cfqueues.emulator.StoredMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * {@code @QueueListener} methods in a Spring context, without Spring Boot, against the emulator: each parameter and
 * return type a listener may have, batch listeners, conversion failures, listeners registered in code, and the
 * failures that stop the startup.
 */
class QueueListenerMethodTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String DLQ = "deadletters000000000000000000000";

	@RegisterExtension
	final LogCapture log = LogCapture.of("io.github.cfqueues.client.internal.listener", "WARN");

	private final TestClock clock = new TestClock();

	private CloudflareQueuesEmulator emulator;

	private EmulatedQueue queue;

	private CloudflareQueuesClient client;

	private AnnotationConfigApplicationContext context;

	@BeforeEach
	void startEmulator() {
		this.emulator = CloudflareQueuesEmulator.builder()
			.apiToken(TestPublishers.TOKEN)
			.clock(this.clock)
			.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE, "orders")
			.start();
		this.queue = this.emulator.queue(TestPublishers.ACCOUNT, TestPublishers.QUEUE).orElseThrow();
		this.client = CloudflareQueuesClient.builder()
			.baseUrl(this.emulator.baseUrl())
			.accountId(TestPublishers.ACCOUNT)
			.credentials(CloudflareCredentials.apiToken(TestPublishers.TOKEN))
			.build();
	}

	@AfterEach
	void stopEverything() {
		if (this.context != null) {
			this.context.close();
		}
		this.client.close();
		this.emulator.stop();
	}

	private void run(Class<?> listeners) {
		this.context = new AnnotationConfigApplicationContext();
		this.context.registerBean(CloudflareQueuesClient.class, () -> this.client);
		this.context.register(Infrastructure.class);
		this.context.registerBean(StringUtils.uncapitalize(listeners.getSimpleName()), listeners);
		this.context.refresh();
	}

	private void push(QueueMessage... messages) {
		QueuePublisher publisher = this.client.publisher("orders", TestPublishers.QUEUE,
				io.github.cfqueues.client.QueuePublisherOptions.DEFAULTS);
		publisher.pushBatch(List.of(messages)).block(TIMEOUT);
	}

	private void awaitAcknowledged(int count) {
		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == count);
	}

	@Test
	void aPayloadIsReadByTheJsonMapperAndTheMessageCanComeWithIt() {
		push(QueueMessage.json(new Order(1, "blue")), QueueMessage.json(new Order(2, "red")));
		run(PayloadListener.class);

		awaitAcknowledged(2);
		PayloadListener listener = this.context.getBean(PayloadListener.class);
		assertThat(listener.orders).containsExactlyInAnyOrder(new Order(1, "blue"), new Order(2, "red"));
		assertThat(listener.attempts).containsOnly(1);
	}

	@Test
	void aStringIsTheBodyAsText() {
		push(QueueMessage.text("plain"), QueueMessage.json(Map.of("k", 1)));
		run(TextListener.class);

		awaitAcknowledged(2);
		assertThat(this.context.getBean(TextListener.class).texts).containsExactlyInAnyOrder("plain", "{\"k\":1}");
	}

	@Test
	void aMonoResultIsAwaitedAndItsErrorRetried() {
		push(QueueMessage.text("ok"), QueueMessage.text("fail"));
		run(ReactiveListener.class);

		assertAcknowledgedOkAndRetriedFail();
	}

	@Test
	void aCompletableFutureResultIsAwaitedAndItsErrorRetried() {
		push(QueueMessage.text("ok"), QueueMessage.text("fail"));
		run(FutureListener.class);

		assertAcknowledgedOkAndRetriedFail();
	}

	private void assertAcknowledgedOkAndRetriedFail() {
		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 1 && this.queue.retried().size() == 1);
		assertThat(this.queue.acknowledged()).extracting(StoredMessage::body).containsExactly("ok");
		assertThat(this.queue.retried()).extracting((retried) -> retried.message().body()).containsExactly("fail");
	}

	@Test
	void aBatchListenerGetsEachPullAtOnceAndSettlesItAsAWhole() {
		push(IntStream.range(0, 25).mapToObj((i) -> QueueMessage.json(new Order(i, "c" + i))).toArray(QueueMessage[]::new));
		run(BatchListener.class);

		awaitAcknowledged(25);
		BatchListener listener = this.context.getBean(BatchListener.class);
		assertThat(listener.sizes).allSatisfy((size) -> assertThat(size).isBetween(1, 10));
		assertThat(listener.sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(25);
	}

	@Test
	void aBodyThatIsNotThePayloadTypeGoesStraightToARetryAndTheListenerGoesOn() {
		push(QueueMessage.text("not json"), QueueMessage.json(new Order(3, "green")));
		run(PayloadListener.class);

		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 1 && this.queue.retried().size() == 1);
		assertThat(this.queue.retried()).extracting(RetriedMessage::delay).containsExactly(Duration.ofSeconds(10));
		assertThat(this.log.text()).contains("cannot read message", "could not be read as " + Order.class.getName());
		assertThat(this.context.getBean(PayloadListener.class).orders).containsExactly(new Order(3, "green"));
	}

	@Test
	void aManualListenerSettlesWithItsAcknowledgement() {
		push(QueueMessage.text("keep"), QueueMessage.text("again"));
		run(ManualListener.class);

		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 1 && this.queue.retried().size() == 1);
		assertThat(this.queue.acknowledged()).extracting(StoredMessage::body).containsExactly("keep");
		assertThat(this.queue.retried()).extracting(RetriedMessage::delay).containsExactly(Duration.ofSeconds(42));
	}

	@Test
	void aListenerRegisteredInCodeRunsLikeAnAnnotatedOne() {
		push(QueueMessage.text("from code"));
		run(CodeListener.class);

		awaitAcknowledged(1);
		assertThat(this.context.getBean(QueueListenerContainerRegistry.class).container("in-code").queueName())
			.isEqualTo("orders");
	}

	@Test
	void aListenerOfAnUnknownQueueFailsTheStartupNamingIt() {
		assertThatException().isThrownBy(() -> run(UnknownQueueListener.class))
			.withMessageContaining("Cannot run QueueListenerEndpoint[id=unknownQueueListener.handle, queue=invoices")
			.withMessageContaining("'invoices'");
	}

	@Test
	void aMethodWithParametersAListenerMayNotHaveFailsTheStartupSayingWhatIsAllowed() {
		assertThatException().isThrownBy(() -> run(InvalidListener.class))
			.isInstanceOf(BeanCreationException.class)
			.withMessageContaining("@QueueListener method")
			.withMessageContaining("takes more than one payload")
			.withMessageContaining("A listener method takes the payload, a String, the ReceivedMessage");
	}

	@Test
	void containersStartAndStopByIdAndStopWithTheContext() {
		run(TextListener.class);
		QueueListenerContainerRegistry registry = this.context.getBean(QueueListenerContainerRegistry.class);
		QueueListenerContainer container = registry.container("textListener.handle");

		assertThat(container.isRunning()).isTrue();
		container.stop();
		assertThat(container.isRunning()).isFalse();
		container.start();
		assertThat(container.isRunning()).isTrue();
		this.context.close();
		assertThat(container.isRunning()).isFalse();
		this.context = null;
	}

	@Test
	void aBatchListenerOfReceivedMessagesGetsEachPullAtOnce() {
		push(IntStream.range(0, 25).mapToObj((i) -> QueueMessage.text("t" + i)).toArray(QueueMessage[]::new));
		run(MessageBatchListener.class);

		awaitAcknowledged(25);
		MessageBatchListener listener = this.context.getBean(MessageBatchListener.class);
		assertThat(listener.sizes).allSatisfy((size) -> assertThat(size).isBetween(1, 10));
		assertThat(listener.bodies).containsExactlyInAnyOrderElementsOf(
				IntStream.range(0, 25).mapToObj((i) -> "t" + i).toList());
	}

	@Test
	void aManualBatchListenerOfReceivedMessagesSettlesEachMessageItself() {
		push(QueueMessage.text("keep"), QueueMessage.text("again"));
		run(ManualBatchListener.class);

		await().atMost(TIMEOUT).until(() -> this.queue.acknowledged().size() == 1 && this.queue.retried().size() == 1);
		assertThat(this.queue.acknowledged()).extracting(StoredMessage::body).containsExactly("keep");
		assertThat(this.queue.retried()).extracting(RetriedMessage::delay).containsExactly(Duration.ofSeconds(42));
	}

	@Test
	void aManualListenerThatCanNeverSettleAMessageFailsTheStartupSayingSo() {
		assertThatException().isThrownBy(() -> run(UnsettlingManualListener.class))
			.withMessageContaining("Cannot run QueueListenerEndpoint[id=unsettlingManualListener.handle")
			.withMessageContaining("acknowledges manually but takes neither an Acknowledgement nor a ReceivedMessage")
			.withMessageContaining("so it can never settle a message");
	}

	@Test
	void aConcurrencyThatIsNotANumberFailsTheStartupNamingTheBeanMethodAndValue() {
		assertThatException().isThrownBy(() -> run(NotANumberListener.class))
			.withMessageContaining("@QueueListener(concurrency) of bean 'notANumberListener', method ")
			.withMessageContaining(NotANumberListener.class.getName() + ".handle(java.lang.String)")
			.withMessageContaining("is 'abc': it must be a whole number of at least 1");
	}

	@Test
	void aConcurrencyBelowOneFromAPlaceholderFailsTheStartupNamingWhatItWasResolvedFrom() {
		assertThatException().isThrownBy(() -> run(ZeroConcurrencyListener.class))
			.withMessageContaining("@QueueListener(concurrency) of bean 'zeroConcurrencyListener'")
			.withMessageContaining("is '0' (resolved from '${orders.concurrency:0}'): it must be a whole number");
	}

	@Test
	void anUnknownAcknowledgementModeFailsTheStartupNamingTheModesAllowed() {
		assertThatException().isThrownBy(() -> run(BogusModeListener.class))
			.withMessageContaining("@QueueListener(acknowledgementMode) of bean 'bogusModeListener', method ")
			.withMessageContaining("is 'bogus': it must be one of on-success, manual, always")
			.withMessageContaining("or empty for the queue's setting");
	}

	@Test
	void anAutoStartupThatIsNotABooleanFailsTheStartup() {
		assertThatException().isThrownBy(() -> run(MaybeAutoStartupListener.class))
			.withMessageContaining("@QueueListener(autoStartup) of bean 'maybeAutoStartupListener'")
			.withMessageContaining("is 'yes': it must be true or false");
	}

	@Configuration(proxyBeanMethods = false)
	static class Infrastructure {

		@Bean
		static QueueListenerAnnotationBeanPostProcessor queueListenerAnnotationBeanPostProcessor() {
			return new QueueListenerAnnotationBeanPostProcessor();
		}

		@Bean
		QueueListenerContainerRegistry queueListenerContainerRegistry() {
			return new QueueListenerContainerRegistry();
		}

		@Bean
		QueueListenerContainerFactory queueListenerContainerFactory(CloudflareQueuesClient client) {
			return new DefaultQueueListenerContainerFactory((name) -> {
				if (!name.equals("orders")) {
					throw new IllegalArgumentException("No queue named '" + name + "' is configured");
				}
				return client.consumer(name, TestPublishers.QUEUE,
						QueueConsumerOptions.builder().ackMaxWait(Duration.ofMillis(5)).build());
			}, (name) -> ListenerSettings.builder().idleInterval(Duration.ofMillis(20), Duration.ofMillis(100)).build());
		}

	}

	record Order(int id, String colour) {
	}

	static class PayloadListener {

		final List<Order> orders = new CopyOnWriteArrayList<>();

		final List<Integer> attempts = new CopyOnWriteArrayList<>();

		@QueueListener("orders")
		void handle(Order order, ReceivedMessage message) {
			this.orders.add(order);
			this.attempts.add(message.attempts());
		}

	}

	static class TextListener {

		final List<String> texts = new CopyOnWriteArrayList<>();

		@QueueListener("orders")
		void handle(String text) {
			this.texts.add(text);
		}

	}

	static class ReactiveListener {

		@QueueListener("orders")
		Mono<Void> handle(String text) {
			return "fail".equals(text) ? Mono.error(new IllegalStateException("reactive failure"))
					: Mono.delay(Duration.ofMillis(10)).then();
		}

	}

	static class FutureListener {

		@QueueListener("orders")
		CompletableFuture<String> handle(String text) {
			return "fail".equals(text) ? CompletableFuture.failedFuture(new IllegalStateException("future failure"))
					: CompletableFuture.supplyAsync(() -> text);
		}

	}

	static class BatchListener {

		final List<Integer> sizes = new CopyOnWriteArrayList<>();

		@QueueListener("orders")
		void handle(List<Order> orders) {
			this.sizes.add(orders.size());
		}

	}

	static class ManualListener {

		@QueueListener(value = "orders", acknowledgementMode = "manual")
		Mono<Void> handle(String text, Acknowledgement acknowledgement) {
			return "keep".equals(text) ? acknowledgement.ack() : acknowledgement.retry(Duration.ofSeconds(42));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CodeListener {

		@Bean
		QueueListenerConfigurer configurer() {
			return (registrar) -> registrar.register("in-code", "orders", (message) -> Mono.empty());
		}

	}

	static class UnknownQueueListener {

		@QueueListener("invoices")
		void handle(String text) {
		}

	}

	static class InvalidListener {

		@QueueListener("orders")
		void handle(Order order, String text) {
		}

	}

	static class MessageBatchListener {

		final List<Integer> sizes = new CopyOnWriteArrayList<>();

		final List<String> bodies = new CopyOnWriteArrayList<>();

		@QueueListener("orders")
		void handle(List<ReceivedMessage> messages) {
			this.sizes.add(messages.size());
			messages.forEach((message) -> this.bodies.add(message.bodyAsText()));
		}

	}

	static class ManualBatchListener {

		@QueueListener(value = "orders", acknowledgementMode = "MANUAL")
		Mono<Void> handle(List<ReceivedMessage> messages) {
			return Flux.fromIterable(messages)
				.flatMap((message) -> "keep".equals(message.bodyAsText()) ? message.ack()
						: message.retry(Duration.ofSeconds(42)))
				.then();
		}

	}

	static class UnsettlingManualListener {

		@QueueListener(value = "orders", acknowledgementMode = "manual")
		void handle(String text) {
		}

	}

	static class NotANumberListener {

		@QueueListener(value = "orders", concurrency = "abc")
		void handle(String text) {
		}

	}

	static class ZeroConcurrencyListener {

		@QueueListener(value = "orders", concurrency = "${orders.concurrency:0}")
		void handle(String text) {
		}

	}

	static class BogusModeListener {

		@QueueListener(value = "orders", acknowledgementMode = "bogus")
		void handle(String text) {
		}

	}

	static class MaybeAutoStartupListener {

		@QueueListener(value = "orders", autoStartup = "yes")
		void handle(String text) {
		}

	}

}
