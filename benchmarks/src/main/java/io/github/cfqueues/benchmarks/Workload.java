package io.github.cfqueues.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.cfqueues.client.QueueMessage;

/**
 * The message every scenario sends: a small JSON object with a unique id, pushed as {@link QueueMessage#json(Object)}
 * by the publishers and posted as the identical pre-serialized request body by the baseline.
 */
final class Workload {

	static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

	static final String QUEUE = "fedcba9876543210fedcba9876543210";

	static final String TOKEN = "benchmark-token";

	static final String BASE_PATH = "/client/v4";

	static final String MESSAGES_PATH = BASE_PATH + "/accounts/" + ACCOUNT + "/queues/" + QUEUE + "/messages";

	static final String BATCH_PATH = MESSAGES_PATH + "/batch";

	/**
	 * Messages per explicit batch push: Cloudflare's cap.
	 */
	static final int BATCH_SIZE = 100;

	private static final byte[] BATCH_START = "{\"messages\":[".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] BATCH_END = "]}".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PREFIX = "{\"body\":{\"id\":".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SUFFIX = ",\"event\":\"order.placed\",\"amountCents\":4200},\"content_type\":\"json\"}"
		.getBytes(StandardCharsets.US_ASCII);

	private Workload() {
	}

	/**
	 * The payload a publisher serializes.
	 * @param id the message's unique id
	 * @return the message
	 */
	static QueueMessage message(long id) {
		return QueueMessage.json(new Order(id, "order.placed", 4200));
	}

	/**
	 * The request body a single push of {@link #message(long)} puts on the wire, built without a JSON library.
	 * @param id the message's unique id
	 * @return the bytes
	 */
	static byte[] wireBytes(long id) {
		byte[] digits = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[PREFIX.length + digits.length + SUFFIX.length];
		System.arraycopy(PREFIX, 0, body, 0, PREFIX.length);
		System.arraycopy(digits, 0, body, PREFIX.length, digits.length);
		System.arraycopy(SUFFIX, 0, body, PREFIX.length + digits.length, SUFFIX.length);
		return body;
	}

	/**
	 * The messages of one explicit batch push.
	 * @param firstId the first message's id; the others follow
	 * @param count how many
	 * @return the messages
	 */
	static List<QueueMessage> messages(long firstId, int count) {
		List<QueueMessage> messages = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			messages.add(message(firstId + i));
		}
		return messages;
	}

	/**
	 * The request body a batch push of {@link #messages(long, int)} puts on the wire, built without a JSON library.
	 * @param firstId the first message's id
	 * @param count how many messages
	 * @return the bytes
	 */
	static byte[] batchWireBytes(long firstId, int count) {
		ByteArrayOutputStream body = new ByteArrayOutputStream(count * 96);
		body.writeBytes(BATCH_START);
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				body.write(',');
			}
			body.writeBytes(wireBytes(firstId + i));
		}
		body.writeBytes(BATCH_END);
		return body.toByteArray();
	}

	/**
	 * The payload.
	 *
	 * @param id the unique id
	 * @param event the event name
	 * @param amountCents an amount
	 */
	record Order(long id, String event, long amountCents) {
	}

}
