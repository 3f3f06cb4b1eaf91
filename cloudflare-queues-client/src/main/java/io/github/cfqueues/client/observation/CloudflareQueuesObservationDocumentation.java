package io.github.cfqueues.client.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the Cloudflare Queues client: their names and keys. Low-cardinality keys follow OpenTelemetry's
 * messaging conventions and are present on every observation of a name; the number of messages a request carried is
 * a high-cardinality key, so that batch sizes never make new series.
 */
public enum CloudflareQueuesObservationDocumentation implements ObservationDocumentation {

	/**
	 * One request to a queue: push, batch push, pull, acknowledgement or metrics, including its wait for a rate-limit
	 * permit and its retries. Each HTTP attempt ({@code http.client.requests}) is observed inside it. An auto-batching
	 * publisher makes one per batch request, never one per message, from the moment it seals the batch (after the
	 * batch's first permit, which the batch waits for while it fills).
	 */
	QUEUE_OPERATION {

		@Override
		public String getName() {
			return "cloudflare.queues.operation";
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultQueueOperationObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.BATCH_MESSAGE_COUNT };
		}

	},

	/**
	 * A listener handling one message (or one pulled batch, for a batch listener), from the call of the method to the
	 * completion of what it returned; the settlement that follows is not part of it.
	 */
	LISTENER {

		@Override
		public String getName() {
			return "cloudflare.queues.listener";
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultQueueListenerObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * The value of {@code messaging.system}.
	 */
	public static final String MESSAGING_SYSTEM = "cloudflare_queues";

	/**
	 * The value of {@code error.type} when nothing failed.
	 */
	public static final String NO_ERROR = "none";

	/**
	 * The value of {@code error.type} when the caller cancelled before the answer: the outcome is unknown.
	 */
	public static final String CANCELLED = "cancelled";

	/**
	 * The keys present on every observation, each with few values.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * Always {@value CloudflareQueuesObservationDocumentation#MESSAGING_SYSTEM}.
		 */
		MESSAGING_SYSTEM {
			@Override
			public String asString() {
				return "messaging.system";
			}
		},

		/**
		 * {@code send}, {@code receive}, {@code settle}, {@code metrics} for requests; {@code process} for a
		 * listener.
		 */
		OPERATION_TYPE {
			@Override
			public String asString() {
				return "messaging.operation.type";
			}
		},

		/**
		 * {@code push}, {@code batch_push}, {@code pull}, {@code ack}, {@code metrics}; {@code process} for a
		 * listener.
		 */
		OPERATION_NAME {
			@Override
			public String asString() {
				return "messaging.operation.name";
			}
		},

		/**
		 * The queue's name in the application, as configured: never its id.
		 */
		DESTINATION_NAME {
			@Override
			public String asString() {
				return "messaging.destination.name";
			}
		},

		/**
		 * The simple name of the exception that ended it,
		 * {@value CloudflareQueuesObservationDocumentation#CANCELLED} when the caller cancelled before the answer,
		 * {@value CloudflareQueuesObservationDocumentation#NO_ERROR} otherwise.
		 */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		}

	}

	/**
	 * Keys with a value per observation: traces only, never a meter's tags.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * How many messages a batch push or an acknowledgement carried, a pull leased, or a batch listener handled.
		 */
		BATCH_MESSAGE_COUNT {
			@Override
			public String asString() {
				return "messaging.batch.message_count";
			}
		},

		/**
		 * The id Cloudflare gave the message a listener handled (not for a batch).
		 */
		MESSAGE_ID {
			@Override
			public String asString() {
				return "messaging.message.id";
			}
		}

	}

}
