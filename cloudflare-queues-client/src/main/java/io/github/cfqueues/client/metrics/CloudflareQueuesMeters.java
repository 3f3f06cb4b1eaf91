package io.github.cfqueues.client.metrics;

/**
 * The names of the meters {@link MicrometerMetricsRecorder} registers, their tag keys and the values of their
 * {@code reason} tags. None is named like an observation ({@code cloudflare.queues.operation},
 * {@code cloudflare.queues.listener}) or the meters a meter handler derives from one.
 */
public final class CloudflareQueuesMeters {

	/**
	 * Gauge: the messages waiting in the queue, as Cloudflare last reported it in any answer. Tags: queue.
	 */
	public static final String BACKLOG_MESSAGES = "cloudflare.queues.backlog.messages";

	/**
	 * Gauge: the bytes of the messages waiting in the queue, as last reported. Tags: queue.
	 */
	public static final String BACKLOG_BYTES = "cloudflare.queues.backlog.bytes";

	/**
	 * Time gauge: the age of the oldest waiting message, from its timestamp as last reported. Tags: queue.
	 */
	public static final String BACKLOG_OLDEST_AGE = "cloudflare.queues.backlog.oldest.age";

	/**
	 * Counter: messages Cloudflare accepted. Tags: queue.
	 */
	public static final String MESSAGES_PUSHED = "cloudflare.queues.messages.pushed";

	/**
	 * Counter: messages whose push failed, by the exception their caller got. Tags: queue, operation, error type.
	 */
	public static final String MESSAGES_FAILED = "cloudflare.queues.messages.failed";

	/**
	 * Counter: requests tried again, by the failure that caused it. Tags: queue, operation, error type.
	 */
	public static final String REQUEST_RETRIES = "cloudflare.queues.request.retries";

	/**
	 * Gauge: messages a publisher holds (gathered, waiting for a permit, or in flight). Tags: queue.
	 */
	public static final String FLOW_OUTSTANDING_MESSAGES = "cloudflare.queues.flow.outstanding.messages";

	/**
	 * Gauge: the bytes of the messages a publisher holds. Tags: queue.
	 */
	public static final String FLOW_OUTSTANDING_BYTES = "cloudflare.queues.flow.outstanding.bytes";

	/**
	 * Gauge: pushes waiting for flow-control room. Tags: queue.
	 */
	public static final String FLOW_WAITING = "cloudflare.queues.flow.waiting";

	/**
	 * Counter: pushes flow control refused. Tags: queue, reason ({@link #FLOW_FULL}, {@link #FLOW_MAX_WAITING},
	 * {@link #FLOW_MAX_WAIT}).
	 */
	public static final String FLOW_REJECTIONS = "cloudflare.queues.flow.rejections";

	/**
	 * Gauge: the permits a request of the account could take now without waiting (with pacing on). Tags: account.
	 */
	public static final String RATE_LIMIT_PERMITS = "cloudflare.queues.ratelimit.permits.available";

	/**
	 * Timer: how long requests waited for their rate-limit permit, pauses included. Tags: account.
	 */
	public static final String RATE_LIMIT_WAIT = "cloudflare.queues.ratelimit.wait";

	/**
	 * Function counter: how many times an account-wide 429 paused the account. Tags: account.
	 */
	public static final String RATE_LIMIT_PAUSES = "cloudflare.queues.ratelimit.pauses";

	/**
	 * Counter: requests refused locally, before sending, because their permit was further away than
	 * {@code rate-limit.max-wait}. Tags: account.
	 */
	public static final String RATE_LIMIT_REFUSALS = "cloudflare.queues.ratelimit.refusals";

	/**
	 * Distribution summary: the messages in each batch an auto-batching publisher sent, by why it left. Tags: queue,
	 * reason ({@link #BATCH_COUNT}, {@link #BATCH_BYTES}, {@link #BATCH_TIME}, {@link #BATCH_FLUSH}).
	 */
	public static final String BATCH_SIZE = "cloudflare.queues.batch.size";

	/**
	 * Counter: messages leased by pulls. Tags: queue.
	 */
	public static final String MESSAGES_PULLED = "cloudflare.queues.messages.pulled";

	/**
	 * Counter: acknowledgements Cloudflare confirmed. Tags: queue.
	 */
	public static final String MESSAGES_ACKED = "cloudflare.queues.messages.acked";

	/**
	 * Counter: retries (settlements asking for another delivery) Cloudflare confirmed. Tags: queue.
	 */
	public static final String MESSAGES_RETRIED = "cloudflare.queues.messages.retried";

	/**
	 * Timer: how long a listener took to handle a message (or a batch), by how it ended. Tags: queue, listener, error
	 * type.
	 */
	public static final String LISTENER_HANDLING = "cloudflare.queues.listener.handling";

	/**
	 * Counter: messages a listener failed on their last delivery ({@code consumer.max-retries} + 1): Cloudflare now
	 * moves them to the dead-letter queue, or drops them. Tags: queue, listener.
	 */
	public static final String LISTENER_DEAD_LETTERED = "cloudflare.queues.listener.dead.lettered";

	/**
	 * Counter: messages a listener handled past the end of their lease. Tags: queue, listener.
	 */
	public static final String LISTENER_LEASE_OVERRUNS = "cloudflare.queues.listener.lease.overruns";

	/**
	 * Tag: the queue's name in the application, as the observations name it.
	 */
	public static final String QUEUE_TAG = "messaging.destination.name";

	/**
	 * Tag: the operation, as the observations name it ({@code push}, {@code batch_push}, {@code pull}, {@code ack},
	 * {@code metrics}).
	 */
	public static final String OPERATION_TAG = "messaging.operation.name";

	/**
	 * Tag: the simple name of an exception's class, {@code none} when nothing failed.
	 */
	public static final String ERROR_TYPE_TAG = "error.type";

	/**
	 * Tag: the Cloudflare account id.
	 */
	public static final String ACCOUNT_TAG = "account";

	/**
	 * Tag: why a batch left, or why flow control refused a push.
	 */
	public static final String REASON_TAG = "reason";

	/**
	 * Tag: the listener's id.
	 */
	public static final String LISTENER_TAG = "listener";

	/**
	 * Reason: the batch reached {@code max-messages} (or Cloudflare's 100).
	 */
	public static final String BATCH_COUNT = "count";

	/**
	 * Reason: the batch reached {@code max-bytes} (or Cloudflare's 256,000 bytes).
	 */
	public static final String BATCH_BYTES = "bytes";

	/**
	 * Reason: the oldest message had waited {@code max-wait}; with the default of 0, the batch left as soon as a
	 * place in flight was free.
	 */
	public static final String BATCH_TIME = "time";

	/**
	 * Reason: a flush asked for it ({@code flush()}, or the shutdown).
	 */
	public static final String BATCH_FLUSH = "flush";

	/**
	 * Reason: the publisher was full and {@code flow-control.limit-behavior} is {@code fail}.
	 */
	public static final String FLOW_FULL = "full";

	/**
	 * Reason: {@code flow-control.max-waiting} pushes already waited.
	 */
	public static final String FLOW_MAX_WAITING = "max_waiting";

	/**
	 * Reason: the push waited {@code flow-control.max-wait} for room.
	 */
	public static final String FLOW_MAX_WAIT = "max_wait";

	private CloudflareQueuesMeters() {
	}

}
