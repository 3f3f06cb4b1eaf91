package io.github.cfqueues.benchmarks;

/**
 * Which optional parts of the client a scenario turns on.
 *
 * @param observed HTTP client observations recorded into a meter registry
 * @param limited the real account rate limiter, set high enough never to hold a request back
 */
record PublisherVariant(boolean observed, boolean limited) {

	static final PublisherVariant OFF = new PublisherVariant(false, false);

	static final PublisherVariant ON = new PublisherVariant(true, true);

	String key() {
		return (this.observed || this.limited) ? "on" : "off";
	}

	String label() {
		if (this.observed && this.limited) {
			return "observation + limiter on";
		}
		if (this.observed) {
			return "observation on";
		}
		return this.limited ? "limiter on" : "observation + limiter off";
	}

}
