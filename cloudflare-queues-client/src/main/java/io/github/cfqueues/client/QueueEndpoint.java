package io.github.cfqueues.client;

import java.util.Objects;

/**
 * Where a publisher's or consumer's requests go: the queue's name in this application, its account and id at
 * Cloudflare, and the credentials to use. {@link #ofAccount(String, CloudflareCredentials)} stands for requests to
 * the account as a whole, such as listing its queues: it names no queue.
 *
 * @param name the queue's name in the application ({@code default} for the top-level queue); empty only for the
 * account as a whole
 * @param accountId the Cloudflare account id
 * @param queueId the queue id; empty only for the account as a whole
 * @param credentials the credentials
 */
public record QueueEndpoint(String name, String accountId, String queueId, CloudflareCredentials credentials) {

	/**
	 * The longest id Cloudflare issues.
	 */
	public static final int MAX_ID_LENGTH = 32;

	public QueueEndpoint {
		Objects.requireNonNull(name, "name must not be null");
		checkId(accountId, "account id");
		if (!(name.isEmpty() && "".equals(queueId))) {
			checkId(queueId, "queue id");
		}
		Objects.requireNonNull(credentials, "credentials must not be null");
	}

	/**
	 * The endpoint of requests to an account as a whole (listing and creating queues), which name no queue.
	 * @param accountId the account id
	 * @param credentials the credentials
	 * @return the endpoint, with an empty name and queue id
	 */
	public static QueueEndpoint ofAccount(String accountId, CloudflareCredentials credentials) {
		return new QueueEndpoint("", accountId, "", credentials);
	}

	/**
	 * Whether this stands for the account as a whole rather than one queue.
	 * @return {@code true} when no queue is named
	 */
	public boolean isAccount() {
		return this.queueId.isEmpty();
	}

	/**
	 * Checks an account or queue id before it goes into a URL: 1 to 32 ASCII letters or digits.
	 * @param id the id
	 * @param what how to name the id in an error
	 * @return the id
	 */
	public static String checkId(String id, String what) {
		if (id == null || id.isEmpty()) {
			throw new IllegalArgumentException("The " + what + " must not be empty");
		}
		if (id.length() > MAX_ID_LENGTH) {
			throw new IllegalArgumentException("The " + what + " must be at most " + MAX_ID_LENGTH
					+ " characters, got " + id.length());
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
			if (!letterOrDigit) {
				throw new IllegalArgumentException(
						"The " + what + " must hold only letters and digits, found '" + printable(c) + "' at " + i);
			}
		}
		return id;
	}

	private static String printable(char c) {
		return (c < 0x20 || c == 0x7f) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
	}

}
