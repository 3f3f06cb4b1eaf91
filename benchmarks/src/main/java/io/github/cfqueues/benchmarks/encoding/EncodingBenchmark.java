package io.github.cfqueues.benchmarks.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.cfqueues.client.CloudflareCredentials;
import io.github.cfqueues.client.JacksonBodySerializer;
import io.github.cfqueues.client.QueueEndpoint;
import io.github.cfqueues.client.QueueMessage;
import io.github.cfqueues.client.QueuePublisherOptions;
import io.github.cfqueues.client.internal.api.EncodedMessage;
import io.github.cfqueues.client.internal.api.RequestBodyWriter;
import io.github.cfqueues.client.internal.publish.MessageEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encoding the request body of a batch push of {@value #MESSAGES} small JSON messages (the harness's workload): every
 * message checked and serialized, and the body written. {@code before} is the client's encoding up to commit
 * {@code 5c00cd3^} ({@link LegacyEncoding}); {@code after} is the client's {@link MessageEncoder} and
 * {@link RequestBodyWriter} as they are. Both produce the same bytes (checked in {@link #setUp()}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EncodingBenchmark {

	static final int MESSAGES = 100;

	private List<QueueMessage> messages = List.of();

	private LegacyEncoding legacy = new LegacyEncoding(JsonMapper.builder().build());

	private MessageEncoder encoder = encoder(JsonMapper.builder().build());

	@Setup
	public void setUp() {
		JsonMapper mapper = JsonMapper.builder().build();
		this.legacy = new LegacyEncoding(mapper);
		this.encoder = encoder(mapper);
		List<QueueMessage> messages = new ArrayList<>(MESSAGES);
		for (int i = 0; i < MESSAGES; i++) {
			messages.add(QueueMessage.json(new Order(1_000_000L + i, "order.placed", 4200)));
		}
		this.messages = messages;
		if (!java.util.Arrays.equals(before(), after())) {
			throw new IllegalStateException("The two encodings differ");
		}
	}

	private static MessageEncoder encoder(JsonMapper mapper) {
		QueueEndpoint endpoint = new QueueEndpoint("benchmark", "0123456789abcdef0123456789abcdef",
				"fedcba9876543210fedcba9876543210", CloudflareCredentials.apiToken("benchmark-token"));
		return new MessageEncoder(endpoint, QueuePublisherOptions.DEFAULTS, new JacksonBodySerializer(mapper));
	}

	/**
	 * The encoding before: to a {@code String}, a size pass, then re-encoded by a {@code JsonGenerator}.
	 * @return the request body
	 */
	@Benchmark
	public byte[] before() {
		return this.legacy.batch(this.messages);
	}

	/**
	 * The encoding now: straight to UTF-8 bytes, sized from them, copied into the request body.
	 * @return the request body
	 */
	@Benchmark
	public byte[] after() {
		List<EncodedMessage> encoded = new ArrayList<>(this.messages.size());
		for (int i = 0; i < this.messages.size(); i++) {
			encoded.add(this.encoder.encode(this.messages.get(i), i, "batch push"));
		}
		return RequestBodyWriter.batch(encoded);
	}

	/**
	 * The payload, as in the load harness.
	 *
	 * @param id the unique id
	 * @param event the event name
	 * @param amountCents an amount
	 */
	public record Order(long id, String event, long amountCents) {
	}

}
