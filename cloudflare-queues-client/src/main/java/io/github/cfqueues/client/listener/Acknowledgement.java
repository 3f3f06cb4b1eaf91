package io.github.cfqueues.client.listener;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Settles the message a {@link AcknowledgementMode#MANUAL manual} listener was handed. Settle it once, before its
 * lease ends; what is left unsettled comes back after the lease.
 */
public interface Acknowledgement {

	/**
	 * Acknowledges the message.
	 * @return completes when Cloudflare confirmed it
	 */
	Mono<Void> ack();

	/**
	 * Asks for the message to be delivered again after a delay.
	 * @param delay whole seconds from 0 to 24 hours
	 * @return completes when Cloudflare confirmed it
	 */
	Mono<Void> retry(Duration delay);

}
