/**
 * Observations of the client's work: one per request to a queue (push, batch push, pull, acknowledgement, metrics)
 * and one per message a listener handles, named and keyed as {@link
 * io.github.cfqueues.client.observation.CloudflareQueuesObservationDocumentation} documents, after OpenTelemetry's
 * messaging conventions. Replace a default convention to change the name or the keys.
 */
@NullMarked
package io.github.cfqueues.client.observation;

import org.jspecify.annotations.NullMarked;
