package io.github.cfqueues.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.management.ThreadMXBean;

/**
 * Measures what a scenario costs the client: the CPU time and the bytes allocated by this JVM's threads (the
 * servers' threads left out), and the peak heap. Starting a measurement collects garbage first and resets the heap
 * pools' peaks. Threads that end during a measurement are not counted; the client's threads live for the whole run.
 */
final class ResourceMeter {

	private static final List<String> SERVER_THREADS = List.of(SinkServer.THREAD_PREFIX, "cf-queues-emulator");

	private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter((pool) -> pool.getType() == MemoryType.HEAP)
		.toList();

	ResourceMeter() {
		this.threads.setThreadAllocatedMemoryEnabled(true);
		this.threads.setThreadCpuTimeEnabled(true);
	}

	/**
	 * Starts measuring: collects garbage, resets the heap peaks and notes each client thread's figures so far.
	 * @return the measurement
	 */
	Measurement start() {
		collectGarbage();
		this.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
		return new Measurement(clientThreads());
	}

	private Map<Long, long[]> clientThreads() {
		long[] ids = this.threads.getAllThreadIds();
		long[] allocated = this.threads.getThreadAllocatedBytes(ids);
		long[] cpu = this.threads.getThreadCpuTime(ids);
		ThreadInfo[] infos = this.threads.getThreadInfo(ids);
		Map<Long, long[]> byThread = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			if (infos[i] != null && allocated[i] >= 0 && cpu[i] >= 0 && !isServerThread(infos[i].getThreadName())) {
				byThread.put(ids[i], new long[] { allocated[i], cpu[i] });
			}
		}
		return byThread;
	}

	private static boolean isServerThread(String name) {
		return SERVER_THREADS.stream().anyMatch(name::startsWith);
	}

	private long peakHeapBytes() {
		return this.heapPools.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
	}

	static void collectGarbage() {
		for (int i = 0; i < 2; i++) {
			System.gc();
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * One measurement in progress.
	 */
	final class Measurement {

		private static final long[] NOTHING = { 0, 0 };

		private final Map<Long, long[]> before;

		private Measurement(Map<Long, long[]> before) {
			this.before = before;
		}

		/**
		 * Ends the measurement.
		 * @return what the client's threads used since the start, and the peak heap
		 */
		Usage stop() {
			Map<Long, long[]> after = clientThreads();
			long allocated = 0;
			long cpu = 0;
			for (Map.Entry<Long, long[]> entry : after.entrySet()) {
				long[] earlier = this.before.getOrDefault(entry.getKey(), NOTHING);
				allocated += entry.getValue()[0] - earlier[0];
				cpu += entry.getValue()[1] - earlier[1];
			}
			return new Usage(allocated, cpu, peakHeapBytes());
		}

	}

	/**
	 * What a scenario used.
	 *
	 * @param allocatedBytes bytes allocated by client threads
	 * @param cpuNanos CPU time of client threads
	 * @param peakHeapBytes the sum of the heap pools' peaks (an upper bound of the heap's peak)
	 */
	record Usage(long allocatedBytes, long cpuNanos, long peakHeapBytes) {
	}

}
