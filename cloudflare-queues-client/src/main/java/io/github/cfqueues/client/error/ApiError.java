package io.github.cfqueues.client.error;

/**
 * One item of the {@code errors} array of a Cloudflare answer.
 *
 * @param code Cloudflare's error code, for example {@code 10104} (queue not found); {@code 0} when absent
 * @param message Cloudflare's text
 */
public record ApiError(int code, String message) {

	@Override
	public String toString() {
		return this.code + " " + this.message;
	}

}
