package io.github.cfqueues.emulator;

/**
 * Where a queue lives: its account id and queue id.
 */
record QueueAddress(String accountId, String queueId) {

	static final int MAX_ID_LENGTH = 32;

	static QueueAddress of(String accountId, String queueId) {
		requireValidId(accountId, "accountId");
		requireValidId(queueId, "queueId");
		return new QueueAddress(accountId, queueId);
	}

	/**
	 * Returns whether an id is 1 to 32 ASCII letters or digits.
	 */
	static boolean isValidId(String id) {
		if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
			if (!letterOrDigit) {
				return false;
			}
		}
		return true;
	}

	private static void requireValidId(String id, String name) {
		if (id == null || !isValidId(id)) {
			throw new IllegalArgumentException(
					name + " must be 1 to " + MAX_ID_LENGTH + " letters or digits, not '" + id + "'");
		}
	}

}
