package io.github.cfqueues.client.observation;

import io.github.cfqueues.client.observation.CloudflareQueuesObservationDocumentation.HighCardinalityKeyNames;
import io.github.cfqueues.client.observation.CloudflareQueuesObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default convention of a listener's handling: named {@code cloudflare.queues.listener}, with the contextual name
 * {@code process <queue>}, the low-cardinality keys of {@link LowCardinalityKeyNames} (operation {@code process}),
 * and the message's id, or a batch's message count, as high-cardinality keys.
 */
public class DefaultQueueListenerObservationConvention implements QueueListenerObservationConvention {

	/**
	 * A shared instance.
	 */
	public static final DefaultQueueListenerObservationConvention INSTANCE = new DefaultQueueListenerObservationConvention();

	private static final String PROCESS = "process";

	private static final KeyValues PROCESSING = KeyValues.of(
			KeyValue.of(LowCardinalityKeyNames.MESSAGING_SYSTEM, CloudflareQueuesObservationDocumentation.MESSAGING_SYSTEM),
			KeyValue.of(LowCardinalityKeyNames.OPERATION_TYPE, PROCESS),
			KeyValue.of(LowCardinalityKeyNames.OPERATION_NAME, PROCESS));

	@Override
	public String getName() {
		return CloudflareQueuesObservationDocumentation.LISTENER.getName();
	}

	@Override
	public String getContextualName(QueueListenerContext context) {
		return PROCESS + " " + context.getQueueName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(QueueListenerContext context) {
		Throwable error = context.getError();
		return PROCESSING.and(KeyValue.of(LowCardinalityKeyNames.DESTINATION_NAME, context.getQueueName()),
				KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE,
						(error != null) ? error.getClass().getSimpleName()
								: CloudflareQueuesObservationDocumentation.NO_ERROR));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(QueueListenerContext context) {
		if (context.getMessages().size() == 1) {
			return KeyValues.of(KeyValue.of(HighCardinalityKeyNames.MESSAGE_ID, context.getMessages().get(0).id()));
		}
		return KeyValues.of(KeyValue.of(HighCardinalityKeyNames.BATCH_MESSAGE_COUNT,
				Integer.toString(context.getMessages().size())));
	}

}
