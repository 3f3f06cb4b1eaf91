package io.github.cfqueues.client.internal.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonIdentityInfo;
import com.fasterxml.jackson.annotation.ObjectIdGenerators;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * A reused generator gives, value after value, exactly the bytes {@code writeValueAsBytes} gives each value alone:
 * no separator, no state carried from one value to the next, not after a failed value either, and not across threads.
 */
class PooledJsonWriterTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void valuesInARowAreEachWrittenAsWriteValueAsBytesWritesThem() {
		PooledJsonWriter writer = new PooledJsonWriter(this.mapper);
		ObjectNode node = this.mapper.createObjectNode().put("a", 1).put("b", "two");
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("list", List.of(1, "x", Map.of("k", true)));
		map.put("nothing", null);
		List<Object> values = List.of(new Order(1, "order.placed", 4200), "text with \"quotes\" and \u00e9\u20ac\ud83d\ude00",
				42, 3.5, true, node, map, List.of(), new Order(2, "a\nb\tc\u0001", -1), "x".repeat(300_000), "after");

		for (int round = 0; round < 3; round++) {
			for (Object value : values) {
				assertThat(writer.write(value)).isEqualTo(this.mapper.writeValueAsBytes(value));
			}
		}
	}

	@Test
	void theMappersSettingsShapeTheValues() {
		JsonMapper snake = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		PooledJsonWriter writer = new PooledJsonWriter(snake);

		assertThat(new String(writer.write(new Order(7, "e", 1))))
			.isEqualTo("{\"id\":7,\"event\":\"e\",\"amount_cents\":1}");
	}

	@Test
	void anIndentingMapperKeepsItsLayoutAndNoSeparatorAppears() {
		JsonMapper indenting = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		PooledJsonWriter writer = new PooledJsonWriter(indenting);

		for (int i = 0; i < 3; i++) {
			Order order = new Order(i, "e", i);
			assertThat(writer.write(order)).isEqualTo(indenting.writeValueAsBytes(order));
		}
	}

	@Test
	void objectIdentitiesAreNotRememberedFromOneValueToTheNext() {
		PooledJsonWriter writer = new PooledJsonWriter(this.mapper);
		Node shared = new Node(1, "shared");

		byte[] first = writer.write(shared);
		byte[] second = writer.write(shared);

		assertThat(first).isEqualTo(this.mapper.writeValueAsBytes(shared));
		assertThat(second).isEqualTo(first);
	}

	@Test
	void aValueThatFailsHalfWrittenLeavesNothingBehindForTheNext() {
		PooledJsonWriter writer = new PooledJsonWriter(this.mapper);
		Order order = new Order(3, "fine", 1);

		for (int i = 0; i < 10; i++) {
			assertThatRuntimeException().isThrownBy(() -> writer.write(new Exploding("half written")))
				.withMessageContaining("boom");
			assertThat(writer.write(order)).isEqualTo(this.mapper.writeValueAsBytes(order));
		}
	}

	@Test
	void manyThreadsAtOnceEachGetTheirOwnValuesBytes() throws Exception {
		PooledJsonWriter writer = new PooledJsonWriter(this.mapper);
		ObjectMapper reference = JsonMapper.builder().build();
		int threads = 8;
		int perThread = 5_000;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					int checked = 0;
					for (int i = 0; i < perThread; i++) {
						Object value = (i % 7 == 0) ? Map.of("thread", thread, "i", i, "pad", "p".repeat(i % 2_000))
								: new Order(thread * 1_000_000L + i, "event-" + thread, i);
						if (i % 501 == 0) {
							assertThatRuntimeException().isThrownBy(() -> writer.write(new Exploding("x")));
						}
						assertThat(writer.write(value)).isEqualTo(reference.writeValueAsBytes(value));
						checked++;
					}
					return checked;
				}));
			}
			int total = 0;
			for (Future<Integer> future : done) {
				total += future.get(60, TimeUnit.SECONDS);
			}
			assertThat(total).isEqualTo(threads * perThread);
		}
		finally {
			pool.shutdownNow();
		}
	}

	record Order(long id, String event, long amountCents) {
	}

	@JsonIdentityInfo(generator = ObjectIdGenerators.PropertyGenerator.class, property = "id")
	record Node(int id, String name) {
	}

	record Exploding(String before) {

		public String getAfter() {
			throw new IllegalStateException("boom");
		}

	}

}
