package io.github.cfqueues.emulator;

/**
 * The rule for queue names: 1 to 63 ASCII letters, digits, {@code -} or {@code _}. Names are unique within an
 * account.
 */
final class QueueName {

	static final int MAX_LENGTH = 63;

	static final String RULE = "1 to " + MAX_LENGTH + " letters, digits, '-' or '_'";

	private QueueName() {
	}

	static boolean isValid(String name) {
		if (name.isEmpty() || name.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
			if (!letterOrDigit && c != '-' && c != '_') {
				return false;
			}
		}
		return true;
	}

	static String requireValid(String name, String what) {
		if (name == null || !isValid(name)) {
			throw new IllegalArgumentException(what + " must be " + RULE + ", not '" + name + "'");
		}
		return name;
	}

}
