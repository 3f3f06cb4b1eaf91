package io.github.cfqueues.client.observation;

import io.github.cfqueues.client.observation.CloudflareQueuesObservationDocumentation.HighCardinalityKeyNames;
import io.github.cfqueues.client.observation.CloudflareQueuesObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default convention of a request's observation: named {@code cloudflare.queues.operation}, with the contextual
 * name {@code <operation> <queue>} (for example {@code push orders}), the low-cardinality keys of
 * {@link LowCardinalityKeyNames}, and the message count of a batch push, pull or acknowledgement as a
 * high-cardinality key.
 */
public class DefaultQueueOperationObservationConvention implements QueueOperationObservationConvention {

	/**
	 * A shared instance.
	 */
	public static final DefaultQueueOperationObservationConvention INSTANCE = new DefaultQueueOperationObservationConvention();

	private static final KeyValue SYSTEM = KeyValue.of(LowCardinalityKeyNames.MESSAGING_SYSTEM,
			CloudflareQueuesObservationDocumentation.MESSAGING_SYSTEM);

	@Override
	public String getName() {
		return CloudflareQueuesObservationDocumentation.QUEUE_OPERATION.getName();
	}

	@Override
	public String getContextualName(QueueOperationContext context) {
		return context.getOperation().operationName() + " " + context.getQueueName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(QueueOperationContext context) {
		QueueOperation operation = context.getOperation();
		return KeyValues.of(SYSTEM, KeyValue.of(LowCardinalityKeyNames.OPERATION_TYPE, operation.operationType()),
				KeyValue.of(LowCardinalityKeyNames.OPERATION_NAME, operation.operationName()),
				KeyValue.of(LowCardinalityKeyNames.DESTINATION_NAME, context.getQueueName()),
				KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE, errorType(context)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(QueueOperationContext context) {
		if (!context.getOperation().carriesBatch()) {
			return KeyValues.empty();
		}
		return KeyValues.of(KeyValue.of(HighCardinalityKeyNames.BATCH_MESSAGE_COUNT,
				Integer.toString(context.getMessageCount())));
	}

	/**
	 * The value of {@code error.type}.
	 * @param context the context
	 * @return the simple name of the error, {@code cancelled}, or {@code none}
	 */
	protected String errorType(QueueOperationContext context) {
		Throwable error = context.getError();
		if (error != null) {
			return error.getClass().getSimpleName();
		}
		return context.isCancelled() ? CloudflareQueuesObservationDocumentation.CANCELLED
				: CloudflareQueuesObservationDocumentation.NO_ERROR;
	}

}
