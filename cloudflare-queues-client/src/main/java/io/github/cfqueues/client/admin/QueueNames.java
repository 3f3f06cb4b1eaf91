package io.github.cfqueues.client.admin;

import java.util.Objects;

/**
 * The rule for a queue's name at Cloudflare, checked before a name goes into a request.
 */
public final class QueueNames {

	/**
	 * The longest queue name Cloudflare accepts.
	 */
	public static final int MAX_LENGTH = 63;

	private QueueNames() {
	}

	/**
	 * Checks a queue name: 1 to {@value #MAX_LENGTH} ASCII letters, digits, {@code -} or {@code _}.
	 * @param name the name
	 * @param what how to name it in an error, for example {@code "The queue name"}
	 * @return the name
	 * @throws IllegalArgumentException if the name breaks the rule, saying how
	 */
	public static String check(String name, String what) {
		Objects.requireNonNull(name, () -> what + " must not be null");
		if (name.isEmpty() || name.length() > MAX_LENGTH) {
			throw new IllegalArgumentException(
					what + " must be 1 to " + MAX_LENGTH + " characters, got " + name.length());
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_';
			if (!allowed) {
				throw new IllegalArgumentException(what + " may hold only letters, digits, '-' and '_', found '"
						+ ((c < 0x20 || c == 0x7f) ? String.format("\\u%04x", (int) c) : String.valueOf(c))
						+ "' at " + i + " in '" + name + "'");
			}
		}
		return name;
	}

}
