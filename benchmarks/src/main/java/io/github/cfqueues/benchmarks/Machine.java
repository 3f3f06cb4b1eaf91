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
