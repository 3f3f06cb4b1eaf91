package io.github.cfqueues.client.internal.api;

/**
 * Measures and checks text as UTF-8, the encoding every body travels in. A lone UTF-16 surrogate (a string cut in
 * the middle of an emoji, say) has no UTF-8 form: these methods find it rather than let an encoder replace it with
 * {@code ?} or fail later, half way through a request.
 */
public final class Utf8Text {

	private Utf8Text() {
	}

	/**
	 * The UTF-8 length of a text.
	 * @param text the text
	 * @return the number of bytes, or {@code -1 - i} when the character at {@code i} is an unpaired surrogate
	 */
	public static long length(CharSequence text) {
		long bytes = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (!Character.isSurrogate(c)) {
				bytes += 3;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				return -1 - i;
			}
		}
		return bytes;
	}

	/**
	 * Finds what would make serialized JSON unfit to send: bytes that are not well-formed UTF-8, or a {@code \}u
	 * escape of an unpaired surrogate (what a JSON generator writes for a lone surrogate in a string).
	 * @param json the JSON text's bytes
	 * @return the offset of the first problem, or {@code -1} when there is none
	 */
	public static int problemIn(byte[] json) {
		int pendingHigh = -1;
		int i = 0;
		while (i < json.length) {
			int b = json[i] & 0xff;
			if (b == '\\' && i + 1 < json.length && json[i + 1] == 'u') {
				int unit = hex4(json, i + 2);
				if (unit < 0) {
					return i;
				}
				if (pendingHigh >= 0 && !Character.isLowSurrogate((char) unit)) {
					return pendingHigh;
				}
				if (pendingHigh < 0 && Character.isLowSurrogate((char) unit)) {
					return i;
				}
				pendingHigh = (pendingHigh < 0 && Character.isHighSurrogate((char) unit)) ? i : -1;
				i += 6;
				continue;
			}
			if (pendingHigh >= 0) {
				return pendingHigh;
			}
			int sequence = sequenceLength(json, i, b);
			if (sequence < 0) {
				return i;
			}
			i += (b == '\\') ? Math.min(2, json.length - i) : sequence;
		}
		return pendingHigh;
	}

	private static int sequenceLength(byte[] bytes, int at, int lead) {
		if (lead < 0x80) {
			return 1;
		}
		int length;
		int min;
		if (lead >= 0xc2 && lead <= 0xdf) {
			length = 2;
			min = 0x80;
		}
		else if (lead >= 0xe0 && lead <= 0xef) {
			length = 3;
			min = 0x800;
		}
		else if (lead >= 0xf0 && lead <= 0xf4) {
			length = 4;
			min = 0x10000;
		}
		else {
			return -1;
		}
		if (at + length > bytes.length) {
			return -1;
		}
		int codePoint = lead & (0xff >> (length + 1));
		for (int k = 1; k < length; k++) {
			int next = bytes[at + k] & 0xff;
			if ((next & 0xc0) != 0x80) {
				return -1;
			}
			codePoint = (codePoint << 6) | (next & 0x3f);
		}
		boolean valid = codePoint >= min && codePoint <= Character.MAX_CODE_POINT
				&& !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
		return valid ? length : -1;
	}

	private static int hex4(byte[] bytes, int at) {
		if (at + 4 > bytes.length) {
			return -1;
		}
		int value = 0;
		for (int k = 0; k < 4; k++) {
			int digit = Character.digit(bytes[at + k], 16);
			if (digit < 0) {
				return -1;
			}
			value = (value << 4) | digit;
		}
		return value;
	}

}
