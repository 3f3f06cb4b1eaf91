package io.github.cfqueues.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaultsTests {

	@Test
	void sequenceAppliesOneFaultPerRequestThenNone() {
		FaultInjector injector = Faults.sequence(Fault.dropConnection(), Fault.internalServerError());

		assertThat(decide(injector, 4)).containsExactly(Fault.dropConnection(), Fault.internalServerError(),
				Fault.none(), Fault.none());
	}

	@Test
	void firstRequestsApplyTheFaultThenNone() {
		assertThat(decide(Faults.firstRequests(2, Fault.dropConnection()), 3)).containsExactly(Fault.dropConnection(),
				Fault.dropConnection(), Fault.none());
	}

	@Test
	void everyNthAppliesTheFaultPeriodically() {
		assertThat(decide(Faults.everyNth(3, Fault.dropConnection()), 6)).containsExactly(Fault.none(), Fault.none(),
				Fault.dropConnection(), Fault.none(), Fault.none(), Fault.dropConnection());
	}

	@Test
	void sharesAreAppliedInProportion() {
		FaultInjector injector = Faults.randomly(new Random(42))
			.withShare(0.10, Fault.internalServerError())
			.withShare(0.05, Fault.badGatewayHtml())
			.build();

		List<Fault> faults = decide(injector, 20_000);

		assertThat(faults.stream().filter(Fault.internalServerError()::equals).count()).isBetween(1_800L, 2_200L);
		assertThat(faults.stream().filter(Fault.badGatewayHtml()::equals).count()).isBetween(850L, 1_150L);
		assertThat(faults.stream().filter(Fault.none()::equals).count()).isBetween(16_600L, 17_400L);
	}

	@Test
	void sharesFromAnOrderedMapAreReproducibleFromTheSeed() {
		Map<Fault, Double> shares = new LinkedHashMap<>();
		shares.put(Fault.internalServerError(), 0.2);
		shares.put(Fault.dropConnection(), 0.2);

		assertThat(decide(Faults.ofShares(new Random(1), shares), 100))
			.isEqualTo(decide(Faults.ofShares(new Random(1), shares), 100));
	}

	@Test
	void sharesMustSumToAtMostOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> Faults.randomly(new Random())
			.withShare(0.6, Fault.dropConnection())
			.withShare(0.5, Fault.internalServerError()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Faults.randomly(new Random()).withShare(-0.1, Fault.dropConnection()));
	}

	@Test
	void faultsRejectInvalidArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.status(99, "text/plain", ""));
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.delayAfterStore(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> Faults.everyNth(0, Fault.dropConnection()));
	}

	private static List<Fault> decide(FaultInjector injector, int requests) {
		return LongStream.rangeClosed(1, requests)
			.mapToObj((sequence) -> injector.decide(new FaultRequest("POST", "/p", "a", "q", sequence)))
			.toList();
	}

}
