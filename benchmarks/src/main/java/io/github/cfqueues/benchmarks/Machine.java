package io.github.cfqueues.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Describes the machine and JVM a run happened on.
 */
final class Machine {

	private Machine() {
	}

	static String describe() {
		Runtime runtime = Runtime.getRuntime();
		String gcs = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.map(GarbageCollectorMXBean::getName)
			.collect(Collectors.joining(", "));
		return runtime.availableProcessors() + " CPUs (" + cpuModel() + "), " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.runtime.version") + ", " + System.getProperty("os.name") + " "
				+ System.getProperty("os.version") + " " + System.getProperty("os.arch") + ", max heap "
				+ (runtime.maxMemory() / (1024 * 1024)) + " MB, GC " + gcs;
	}

	/**
	 * The load averages of the last 1, 5 and 15 minutes, as the kernel reports them.
	 * @return for example {@code 0.12 0.30 0.45}, or {@code unknown}
	 */
	static String loadAverage() {
		Path loadavg = Path.of("/proc/loadavg");
		try {
			String[] fields = Files.readString(loadavg).trim().split("\\s+");
			return (fields.length >= 3) ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static String cpuModel() {
		Path cpuinfo = Path.of("/proc/cpuinfo");
		if (!Files.isReadable(cpuinfo)) {
			return "model unknown";
		}
		try (Stream<String> lines = Files.lines(cpuinfo)) {
			return lines.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("model unknown");
		}
		catch (java.io.IOException | java.io.UncheckedIOException ex) {
			return "model unknown";
		}
	}

}
