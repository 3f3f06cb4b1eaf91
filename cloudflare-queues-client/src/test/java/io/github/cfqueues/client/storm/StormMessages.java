package io.github.cfqueues.client.storm;

import java.time.Duration;
import java.util.Map;
import java.util.Random;

import io.github.cfqueues.client.QueueMessage;
import org.jspecify.annotations.Nullable;

/**
 * Generates hostile messages from a seed: random Unicode (control characters, multi-byte text, emoji, unpaired
 * surrogates), sizes around the per-message limit, exact sizes for batches at the batch limit, and valid and invalid
 * delays. The same seed and calls give the same messages. Each message carries its number so
 * that the emulator's copy can be found: text bodies start with {@code #<n>|}, JSON bodies hold {@code "id": <n>}.
 */
final class StormMessages {

	private static final int LIMIT = 128_000;

	private static final int OVERHEAD = 100;

	private final Random random;

	StormMessages(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * One generated case: the message (or {@code null} when the case is a null argument or a delay the message
	 * refused), and what is known about it in advance.
	 *
	 * @param id the message's number
	 * @param message the message, {@code null} for a null-argument case or a refused delay
	 * @param invalid whether the message breaks a rule the client must enforce before any request
	 * @param delayRefused whether building it failed on an invalid delay
	 */
	record Case(int id, @Nullable QueueMessage message, boolean invalid, boolean delayRefused) {
	}

	Case next(int id) {
		int roll = this.random.nextInt(100);
		if (roll < 2) {
			return new Case(id, null, false, false);
		}
		boolean loneSurrogate = this.random.nextInt(100) < 6;
		int sizeClass = this.random.nextInt(100);
		QueueMessage message;
		boolean invalid = loneSurrogate;
		if (sizeClass < 6) {
			int target = LIMIT - 1 + this.random.nextInt(3);
			invalid = target > LIMIT;
			message = this.random.nextBoolean() ? QueueMessage.text(exactText(id, target - OVERHEAD))
					: QueueMessage.jsonText(exactJson(id, target - OVERHEAD));
		}
		else {
			message = ofKind(id, randomText(loneSurrogate));
		}
		try {
			return new Case(id, withDelay(message), invalid, false);
		}
		catch (IllegalArgumentException ex) {
			return new Case(id, null, invalid, true);
		}
	}

	/**
	 * A valid message of a few dozen bytes: random Unicode without a lone surrogate, and no delay or a valid one.
	 * @param id the message's number
	 * @return the case
	 */
	Case small(int id) {
		return new Case(id, withValidDelay(ofKind(id, randomText(false))), false, false);
	}

	/**
	 * A valid message whose size by the size rule (UTF-8 bytes of the body as sent + 100) is exactly {@code size},
	 * as text or JSON.
	 * @param id the message's number
	 * @param size the size, at most the per-message limit
	 * @return the case
	 */
	Case ofSize(int id, int size) {
		QueueMessage message = this.random.nextBoolean() ? QueueMessage.text(exactText(id, size - OVERHEAD))
				: QueueMessage.jsonText(exactJson(id, size - OVERHEAD));
		return new Case(id, message, false, false);
	}

	private QueueMessage ofKind(int id, String text) {
		return switch (this.random.nextInt(4)) {
			case 0 -> QueueMessage.text("#" + id + "|" + text);
			case 1 -> QueueMessage.json(Map.of("id", id, "v", text));
			case 2 -> QueueMessage.of(Map.of("id", id, "v", text));
			default -> QueueMessage.json(new Payload(id, text, this.random.nextInt()));
		};
	}

	private QueueMessage withValidDelay(QueueMessage message) {
		return (this.random.nextInt(100) < 70) ? message
				: message.withDelay(Duration.ofSeconds(this.random.nextInt(86_401)));
	}

	private QueueMessage withDelay(QueueMessage message) {
		int roll = this.random.nextInt(100);
		if (roll < 70) {
			return message;
		}
		if (roll < 90) {
			return message.withDelay(Duration.ofSeconds(this.random.nextInt(86_401)));
		}
		Duration invalid = switch (this.random.nextInt(3)) {
			case 0 -> Duration.ofSeconds(-1 - this.random.nextInt(10));
			case 1 -> Duration.ofMillis(1 + this.random.nextInt(999)).plusSeconds(this.random.nextInt(100));
			default -> Duration.ofSeconds(86_401 + this.random.nextInt(1000));
		};
		return message.withDelay(invalid);
	}

	private String randomText(boolean loneSurrogate) {
		StringBuilder text = new StringBuilder();
		int length = this.random.nextInt(60);
		for (int i = 0; i < length; i++) {
			switch (this.random.nextInt(6)) {
				case 0 -> text.append((char) this.random.nextInt(0x20));
				case 1 -> text.append((char) (0x20 + this.random.nextInt(0x5f)));
				case 2 -> text.append((char) (0xa0 + this.random.nextInt(0x700)));
				case 3 -> text.append((char) (0x4e00 + this.random.nextInt(0x5000)));
				case 4 -> text.appendCodePoint(0x1f300 + this.random.nextInt(0x300));
				default -> text.append("\"\\/\u2028\u2029");
			}
		}
		if (loneSurrogate) {
			char surrogate = (char) (this.random.nextBoolean() ? 0xd800 + this.random.nextInt(0x400)
					: 0xdc00 + this.random.nextInt(0x400));
			text.insert(this.random.nextInt(text.length() + 1), surrogate);
		}
		return text.toString();
	}

	private static String exactText(int id, int utf8Length) {
		String prefix = "#" + id + "|é😀";
		int prefixBytes = prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
		return prefix + "x".repeat(utf8Length - prefixBytes);
	}

	private static String exactJson(int id, int length) {
		String start = "{\"id\":" + id + ",\"p\":\"";
		return start + "y".repeat(length - start.length() - 2) + "\"}";
	}

	/**
	 * A JSON payload of the application's own type.
	 *
	 * @param id the message's number
	 * @param note a random text
	 * @param number a random number
	 */
	record Payload(int id, String note, int number) {
	}

}
