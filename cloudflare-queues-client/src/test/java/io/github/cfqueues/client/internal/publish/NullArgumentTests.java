package io.github.cfqueues.client.internal.publish;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.TestPublishers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * One rule for {@code null} on every publisher: a {@link NullPointerException} at the call, naming the argument or
 * the index of the null element, before any {@code Mono} exists.
 */
class NullArgumentTests {

	private static final String NOWHERE = "http://127.0.0.1:9";

	static Stream<QueuePublisher> publishers() {
		return Stream.of(TestPublishers.at(NOWHERE).build(), BatchingPublishers.at(NOWHERE).build());
	}

	@ParameterizedTest
	@MethodSource("publishers")
	void pushOfNullThrowsAtOnce(QueuePublisher publisher) {
		assertThatNullPointerException().isThrownBy(() -> publisher.push(null))
			.withMessage("The message must not be null");
	}

	@ParameterizedTest
	@MethodSource("publishers")
	void pushTextOfNullThrowsAtOnce(QueuePublisher publisher) {
		assertThatNullPointerException().isThrownBy(() -> publisher.pushText(null))
			.withMessage("The text must not be null");
	}

	@ParameterizedTest
	@MethodSource("publishers")
	void pushJsonOfNullThrowsAtOnce(QueuePublisher publisher) {
		assertThatNullPointerException().isThrownBy(() -> publisher.pushJson(null))
			.withMessage("The message body must not be null");
	}

	@ParameterizedTest
	@MethodSource("publishers")
	void pushBatchOfNullThrowsAtOnce(QueuePublisher publisher) {
		assertThatNullPointerException().isThrownBy(() -> publisher.pushBatch(null))
			.withMessage("The list of messages must not be null");
	}

	@ParameterizedTest
	@MethodSource("publishers")
	void aNullElementOfABatchIsNamedByItsIndex(QueuePublisher publisher) {
		List<QueueMessage> messages = Arrays.asList(QueueMessage.text("a"), QueueMessage.text("b"), null);

		assertThatNullPointerException().isThrownBy(() -> publisher.pushBatch(messages))
			.withMessage("Message 2 of the batch is null");
	}

}
