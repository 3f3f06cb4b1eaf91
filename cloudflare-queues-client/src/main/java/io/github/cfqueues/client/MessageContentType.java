package io.github.cfqueues.client;

/**
 * The content types Cloudflare Queues accepts over HTTP. {@code bytes} and {@code v8} exist for Workers only.
 */
public enum MessageContentType {

	/**
	 * The body is a string, delivered to consumers as-is.
	 */
	TEXT("text"),

	/**
	 * The body is a JSON value. Cloudflare's default when no content type is sent.
	 */
	JSON("json");

	private final String wireName;

	MessageContentType(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The name Cloudflare uses for this content type in requests and message metadata.
	 * @return {@code text} or {@code json}
	 */
	public String wireName() {
		return this.wireName;
	}

}
