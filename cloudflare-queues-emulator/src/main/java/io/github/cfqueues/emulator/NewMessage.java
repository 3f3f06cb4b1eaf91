package io.github.cfqueues.emulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A validated message from a push or batch request, not yet stored.
 *
 * @param contentType {@link StoredMessage#TEXT} or {@link StoredMessage#JSON}
 * @param body the text, or the compact JSON text of the body value
 * @param delay how long to hold it back from pulls; {@code null} when the request named none, for the queue's
 * delivery delay
 */
record NewMessage(String contentType, String body, @Nullable Duration delay) {

	long sizeBytes() {
		return MessageSize.of(this.body);
	}

}
