package io.github.cfqueues.benchmarks;

import java.util.List;

/**
 * Measures what observations and metrics cost a push, on its own so that it runs beside the main table:
 * {@code java -cp benchmarks/target/cloudflare-queues-benchmarks.jar io.github.cfqueues.benchmarks.ObservationCostMain
 * [--scale=1.0]}.
 */
public final class ObservationCostMain {

	private ObservationCostMain() {
	}

	public static void main(String[] args) {
		double scale = 1.0;
		for (String arg : args) {
			if (arg.startsWith("--scale=")) {
				scale = Double.parseDouble(arg.substring("--scale=".length()));
			}
		}
		System.out.println("Machine: " + Machine.describe());
		List<ScenarioResult> rows;
		try (SinkServer sink = new SinkServer()) {
			rows = new ObservationCost(new ClientStack(), sink, new ResourceMeter(), scale).run();
		}
		System.out.println();
		System.out.println(ObservationCost.table(rows));
		System.exit(0);
	}

}
