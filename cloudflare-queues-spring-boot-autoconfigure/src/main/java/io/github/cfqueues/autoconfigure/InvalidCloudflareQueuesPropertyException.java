package io.github.cfqueues.autoconfigure;

/**
 * A {@code cloudflare.queues.*} property is missing or wrong. Names the property and the reason; shows the value
 * only when it is not a secret.
 */
public class InvalidCloudflareQueuesPropertyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String reason;

	public InvalidCloudflareQueuesPropertyException(String property, String reason) {
		super("Invalid Cloudflare Queues configuration: " + property + ": " + reason);
		this.property = property;
		this.reason = reason;
	}

	/**
	 * The property, in canonical form.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What is wrong with it.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
