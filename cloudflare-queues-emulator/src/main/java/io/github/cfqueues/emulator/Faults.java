package io.github.cfqueues.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Ready-made {@link FaultInjector fault injectors}.
 * <p>
 * For example, 10 % internal errors, 5 % HTML 502 pages and 2 % dropped connections, reproducibly:
 * <pre>{@code
 * FaultInjector faults = Faults.randomly(new Random(42))
 *         .withShare(0.10, Fault.internalServerError())
 *         .withShare(0.05, Fault.badGatewayHtml())
 *         .withShare(0.02, Fault.dropConnection())
 *         .build();
 * }</pre>
 */
public final class Faults {

	private Faults() {
	}

	/**
	 * Returns an injector that applies the same fault to every request.
	 * @param fault the fault
	 * @return the injector
	 */
	public static FaultInjector always(Fault fault) {
		Objects.requireNonNull(fault, "fault must not be null");
		return (request) -> fault;
	}

	/**
	 * Returns an injector that applies the given faults to the first requests, one each, then none.
	 * @param faults the faults for requests 1, 2, 3, ...
	 * @return the injector
	 */
	public static FaultInjector sequence(Fault... faults) {
		List<Fault> list = List.of(faults);
		return (request) -> (request.sequence() <= list.size()) ? list.get((int) request.sequence() - 1)
				: Fault.none();
	}

	/**
	 * Returns an injector that applies a fault to the first {@code count} requests, then none.
	 * @param count how many requests get the fault
	 * @param fault the fault
	 * @return the injector
	 */
	public static FaultInjector firstRequests(int count, Fault fault) {
		Objects.requireNonNull(fault, "fault must not be null");
		return (request) -> (request.sequence() <= count) ? fault : Fault.none();
	}

	/**
	 * Returns an injector that applies a fault to every {@code n}-th request (n, 2n, 3n, ...).
	 * @param n the period, at least 1
	 * @param fault the fault
	 * @return the injector
	 */
	public static FaultInjector everyNth(int n, Fault fault) {
		if (n < 1) {
			throw new IllegalArgumentException("n must be at least 1");
		}
		Objects.requireNonNull(fault, "fault must not be null");
		return (request) -> (request.sequence() % n == 0) ? fault : Fault.none();
	}

	/**
	 * Returns an injector that picks each fault at random with the given share of requests; the remaining share
	 * gets no fault. Shares are taken in the map's iteration order: pass a {@link java.util.LinkedHashMap} (or
	 * use {@link #randomly(Random)}) for sequences reproducible from a seed.
	 * @param random the source of randomness
	 * @param shares each fault's share, between 0 and 1, summing to at most 1
	 * @return the injector
	 */
	public static FaultInjector ofShares(Random random, Map<Fault, Double> shares) {
		Shares builder = randomly(random);
		shares.forEach((fault, share) -> builder.withShare(share, fault));
		return builder.build();
	}

	/**
	 * Starts an injector that picks faults at random by share.
	 * @param random the source of randomness
	 * @return a builder of the injector
	 */
	public static Shares randomly(Random random) {
		return new Shares(random);
	}

	/**
	 * Builds an injector that picks each fault with its share of requests.
	 */
	public static final class Shares {

		private final Random random;

		private final List<Fault> faults = new ArrayList<>();

		private final List<Double> cumulativeShares = new ArrayList<>();

		private double total;

		private Shares(Random random) {
			this.random = Objects.requireNonNull(random, "random must not be null");
		}

		/**
		 * Adds a fault applied to the given share of requests.
		 * @param share between 0 and 1
		 * @param fault the fault
		 * @return this builder
		 */
		public Shares withShare(double share, Fault fault) {
			Objects.requireNonNull(fault, "fault must not be null");
			if (!(share >= 0 && share <= 1)) {
				throw new IllegalArgumentException("share must be between 0 and 1, not " + share);
			}
			if (this.total + share > 1.000_000_001) {
				throw new IllegalArgumentException("shares must sum to at most 1");
			}
			this.total += share;
			this.faults.add(fault);
			this.cumulativeShares.add(this.total);
			return this;
		}

		/**
		 * Builds the injector.
		 * @return the injector
		 */
		public FaultInjector build() {
			List<Fault> faults = List.copyOf(this.faults);
			List<Double> bounds = List.copyOf(this.cumulativeShares);
			Random random = this.random;
			return (request) -> {
				double draw = random.nextDouble();
				for (int i = 0; i < faults.size(); i++) {
					if (draw < bounds.get(i)) {
						return faults.get(i);
					}
				}
				return Fault.none();
			};
		}

	}

}
