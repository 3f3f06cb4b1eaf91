package io.github.cfqueues.client.internal.publish;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * Serializes values with one mapper to exactly the bytes {@link ObjectMapper#writeValueAsBytes(Object)} gives, at a
 * fraction of its cost: each value is written by a generator that is reused from value to value (with its buffers),
 * rather than created, pooled and released for every value. Each value still gets a fresh serialization context, as
 * with {@code writeValueAsBytes}, and the generator writes no separator between root values.
 * <p>
 * Generators are kept in a few slots, taken and given back without locking; a thread that finds none free makes one.
 * A generator whose value failed is discarded, whatever state it was left in. When the mapper indents its output
 * (its pretty printer would separate root values), every value goes through {@code writeValueAsBytes}. Thread safe.
 */
public final class PooledJsonWriter {

	private static final int INITIAL_BUFFER = 512;

	private static final int MAX_RETAINED_BUFFER = 256 * 1024;

	private final ObjectMapper mapper;

	private final @Nullable ObjectWriter writer;

	private final AtomicReferenceArray<@Nullable Slot> slots;

	/**
	 * Creates a writer for a mapper.
	 * @param mapper the mapper whose settings shape the values
	 */
	public PooledJsonWriter(ObjectMapper mapper) {
		this.mapper = Objects.requireNonNull(mapper, "mapper must not be null");
		this.writer = mapper.serializationConfig().isEnabled(SerializationFeature.INDENT_OUTPUT) ? null
				: mapper.writer().withRootValueSeparator((String) null);
		this.slots = new AtomicReferenceArray<>(Math.min(64, Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
	}

	/**
	 * Serializes a value.
	 * @param value the value
	 * @return its JSON, as UTF-8 bytes
	 * @throws RuntimeException if the mapper cannot serialize it
	 */
	public byte[] write(Object value) {
		ObjectWriter writer = this.writer;
		if (writer == null) {
			return this.mapper.writeValueAsBytes(value);
		}
		int index = -1;
		Slot slot = null;
		int start = (Thread.currentThread().hashCode() & Integer.MAX_VALUE) % this.slots.length();
		for (int i = 0; i < this.slots.length() && slot == null; i++) {
			index = (start + i) % this.slots.length();
			slot = this.slots.getAndSet(index, null);
		}
		if (slot == null) {
			slot = new Slot(writer);
		}
		boolean written = false;
		try {
			writer.writeValue(slot.generator, value);
			slot.generator.flush();
			byte[] bytes = slot.output.take();
			written = true;
			return bytes;
		}
		finally {
			if (written) {
				giveBack(slot, index);
			}
			else {
				slot.discard();
			}
		}
	}

	private void giveBack(Slot slot, int preferred) {
		if (preferred >= 0 && this.slots.compareAndSet(preferred, null, slot)) {
			return;
		}
		for (int i = 0; i < this.slots.length(); i++) {
			if (this.slots.compareAndSet(i, null, slot)) {
				return;
			}
		}
		slot.discard();
	}

	/**
	 * A generator writing into a buffer of its own, with buffer recycling of its own.
	 */
	private static final class Slot {

		private final Output output = new Output();

		private final JsonGenerator generator;

		Slot(ObjectWriter writer) {
			this.generator = writer.createGenerator(this.output);
		}

		void discard() {
			try {
				this.generator.close();
			}
			catch (RuntimeException ex) {
				// A generator left broken by a failed value may fail to close: it is dropped either way.
			}
		}

	}

	/**
	 * A growable byte buffer. As a {@link BufferRecycler.Gettable}, it gives its generator a recycler of its own, so
	 * that the generator never takes one from (or gives one back to) the mapper's shared pool.
	 */
	private static final class Output extends OutputStream implements BufferRecycler.Gettable {

		private final BufferRecycler recycler = new BufferRecycler();

		private byte[] buffer = new byte[INITIAL_BUFFER];

		private int length;

		@Override
		public void write(int b) {
			ensure(1);
			this.buffer[this.length++] = (byte) b;
		}

		@Override
		public void write(byte[] bytes, int offset, int count) {
			ensure(count);
			System.arraycopy(bytes, offset, this.buffer, this.length, count);
			this.length += count;
		}

		private void ensure(int more) {
			if (this.length + more > this.buffer.length) {
				this.buffer = Arrays.copyOf(this.buffer, Math.max(this.length + more, this.buffer.length * 2));
			}
		}

		/**
		 * The bytes written since the last call, and an empty buffer for the next value.
		 */
		byte[] take() {
			byte[] bytes = Arrays.copyOf(this.buffer, this.length);
			this.length = 0;
			if (this.buffer.length > MAX_RETAINED_BUFFER) {
				this.buffer = new byte[INITIAL_BUFFER];
			}
			return bytes;
		}

		@Override
		public BufferRecycler bufferRecycler() {
			return this.recycler;
		}

	}

}
