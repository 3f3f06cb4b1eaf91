package io.github.cfqueues.client.internal.observe;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.cfqueues.client.QueueStatus;
import io.github.cfqueues.client.metrics.MetricsRecorder;
import io.github.cfqueues.client.observation.QueueOperation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's {@link MetricsRecorder} that cannot hurt the client: the client calls recorders in the middle of its
 * machinery (while a batch leaves, while flow control refuses a push), where an exception would strand messages. A
 * recorder's {@link RuntimeException} is logged at WARN the first time each method throws, at DEBUG after that, and
 * otherwise ignored. The log names the recorder, the method and the queue or account, never a message.
 */
public final class SafeMetricsRecorder implements MetricsRecorder {

	private static final Logger logger = LoggerFactory.getLogger(SafeMetricsRecorder.class);

	private final MetricsRecorder recorder;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	private SafeMetricsRecorder(MetricsRecorder recorder) {
		this.recorder = recorder;
	}

	/**
	 * Guards a recorder.
	 * @param recorder the recorder
	 * @return the guarded recorder; {@link MetricsRecorder#NONE} itself, and a recorder already guarded, as they are
	 */
	public static MetricsRecorder of(MetricsRecorder recorder) {
		if (recorder == MetricsRecorder.NONE || recorder instanceof SafeMetricsRecorder) {
			return recorder;
		}
		return new SafeMetricsRecorder(recorder);
	}

	@Override
	public void queue(String queueName, Supplier<QueueStatus> status) {
		try {
			this.recorder.queue(queueName, status);
		}
		catch (RuntimeException ex) {
			recorderFailed("queue", queueName, ex);
		}
	}

	@Override
	public void flowControl(String queueName, IntSupplier outstandingMessages, LongSupplier outstandingBytes,
			IntSupplier waiting) {
		try {
			this.recorder.flowControl(queueName, outstandingMessages, outstandingBytes, waiting);
		}
		catch (RuntimeException ex) {
			recorderFailed("flowControl", queueName, ex);
		}
	}

	@Override
	public void rateLimiter(String accountId, @Nullable IntSupplier availablePermits, LongSupplier pauses) {
		try {
			this.recorder.rateLimiter(accountId, availablePermits, pauses);
		}
		catch (RuntimeException ex) {
			recorderFailed("rateLimiter", accountId, ex);
		}
	}

	@Override
	public void pushed(String queueName, int messages) {
		try {
			this.recorder.pushed(queueName, messages);
		}
		catch (RuntimeException ex) {
			recorderFailed("pushed", queueName, ex);
		}
	}

	@Override
	public void failed(String queueName, QueueOperation operation, int messages, Throwable error) {
		try {
			this.recorder.failed(queueName, operation, messages, error);
		}
		catch (RuntimeException ex) {
			recorderFailed("failed", queueName, ex);
		}
	}

	@Override
	public void retried(String queueName, QueueOperation operation, Throwable cause) {
		try {
			this.recorder.retried(queueName, operation, cause);
		}
		catch (RuntimeException ex) {
			recorderFailed("retried", queueName, ex);
		}
	}

	@Override
	public void flowControlRejected(String queueName, String reason) {
		try {
			this.recorder.flowControlRejected(queueName, reason);
		}
		catch (RuntimeException ex) {
			recorderFailed("flowControlRejected", queueName, ex);
		}
	}

	@Override
	public void permitWaited(String accountId, long waitNanos) {
		try {
			this.recorder.permitWaited(accountId, waitNanos);
		}
		catch (RuntimeException ex) {
			recorderFailed("permitWaited", accountId, ex);
		}
	}

	@Override
	public void permitRefused(String accountId) {
		try {
			this.recorder.permitRefused(accountId);
		}
		catch (RuntimeException ex) {
			recorderFailed("permitRefused", accountId, ex);
		}
	}

	@Override
	public void batchSent(String queueName, int messages, String reason) {
		try {
			this.recorder.batchSent(queueName, messages, reason);
		}
		catch (RuntimeException ex) {
			recorderFailed("batchSent", queueName, ex);
		}
	}

	@Override
	public void pulled(String queueName, int messages) {
		try {
			this.recorder.pulled(queueName, messages);
		}
		catch (RuntimeException ex) {
			recorderFailed("pulled", queueName, ex);
		}
	}

	@Override
	public void settled(String queueName, int acknowledged, int retried) {
		try {
			this.recorder.settled(queueName, acknowledged, retried);
		}
		catch (RuntimeException ex) {
			recorderFailed("settled", queueName, ex);
		}
	}

	@Override
	public void handled(String queueName, String listenerId, long nanos, @Nullable Throwable error) {
		try {
			this.recorder.handled(queueName, listenerId, nanos, error);
		}
		catch (RuntimeException ex) {
			recorderFailed("handled", queueName, ex);
		}
	}

	@Override
	public void lastDeliveryFailed(String queueName, String listenerId) {
		try {
			this.recorder.lastDeliveryFailed(queueName, listenerId);
		}
		catch (RuntimeException ex) {
			recorderFailed("lastDeliveryFailed", queueName, ex);
		}
	}

	@Override
	public void leaseOverrun(String queueName, String listenerId) {
		try {
			this.recorder.leaseOverrun(queueName, listenerId);
		}
		catch (RuntimeException ex) {
			recorderFailed("leaseOverrun", queueName, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.recorder.close();
		}
		catch (RuntimeException ex) {
			recorderFailed("close", "on shutdown", ex);
		}
	}

	private void recorderFailed(String method, String source, RuntimeException ex) {
		if (this.warned.add(method)) {
			logger.warn("The metrics recorder {} failed in {} ({}); the client carries on without that metric, and "
					+ "logs further failures of {} at DEBUG", this.recorder, method, source, method, ex);
		}
		else {
			logger.debug("The metrics recorder {} failed in {} ({})", this.recorder, method, source, ex);
		}
	}

	@Override
	public String toString() {
		return "SafeMetricsRecorder[" + this.recorder + "]";
	}

}
