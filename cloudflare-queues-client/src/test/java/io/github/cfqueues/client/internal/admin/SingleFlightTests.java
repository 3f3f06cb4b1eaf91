package io.github.cfqueues.client.internal.admin;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callers that ask while a run is under way share it, every one of them gets its answer, and a caller that asks
 * after a run ended starts a new one.
 */
class SingleFlightTests {

	@RepeatedTest(20)
	void concurrentCallersShareOneRunAndEveryOneIsAnswered() throws InterruptedException {
		SingleFlight<Integer> flight = new SingleFlight<>();
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		int callers = 500;

		Mono<List<Integer>> answers = Flux.range(0, callers)
			.parallel(8)
			.runOn(Schedulers.parallel())
			.flatMap((caller) -> flight.join(() -> Mono.fromCallable(() -> {
				release.await();
				return runs.incrementAndGet();
			}).subscribeOn(Schedulers.boundedElastic())))
			.sequential()
			.collectList();
		Mono<List<Integer>> running = answers.cache();
		running.subscribe();
		Thread.sleep(50);
		release.countDown();

		List<Integer> received = running.block(Duration.ofSeconds(10));
		assertThat(received).hasSize(callers);
		assertThat(new HashSet<>(received)).as("every run answered its callers, and nothing else answered")
			.isEqualTo(IntStream.rangeClosed(1, runs.get()).boxed().collect(Collectors.toSet()));
	}

	@Test
	void aRunThatEndedIsNotReused() {
		SingleFlight<Integer> flight = new SingleFlight<>();
		AtomicInteger runs = new AtomicInteger();

		StepVerifier.create(flight.join(() -> Mono.fromCallable(runs::incrementAndGet))).expectNext(1).verifyComplete();
		StepVerifier.create(flight.join(() -> Mono.fromCallable(runs::incrementAndGet))).expectNext(2).verifyComplete();
	}

	@Test
	void aFailedRunIsTriedAgainByTheNextCaller() {
		SingleFlight<Integer> flight = new SingleFlight<>();
		AtomicInteger runs = new AtomicInteger();

		StepVerifier.create(flight.join(() -> Mono.error(new IllegalStateException("down")))).verifyError();
		StepVerifier.create(flight.join(() -> Mono.fromCallable(runs::incrementAndGet))).expectNext(1).verifyComplete();
	}

	@Test
	void aCallerThatCancelsDoesNotCancelTheRunForTheOthers() {
		SingleFlight<String> flight = new SingleFlight<>();
		AtomicInteger runs = new AtomicInteger();
		Mono<String> slow = Mono.delay(Duration.ofMillis(200)).map((tick) -> "run " + runs.incrementAndGet());

		StepVerifier.create(flight.join(() -> slow)).thenCancel().verify();
		StepVerifier.create(flight.join(() -> slow)).expectNext("run 1").verifyComplete();
		assertThat(runs.get()).isEqualTo(1);
	}

}
