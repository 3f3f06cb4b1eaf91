package io.github.cfqueues.client.internal.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cfqueues.client.QueuePublisher;
import io.github.cfqueues.client.TestPublishers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's {@code WebClient.Builder} reaches this client with its codecs and filters, but never its
 * credentials: request details are never logged, and the credentials are written onto the outgoing request after
 * every filter of the application, which can neither see nor replace them; nor do HTTP client observations see them.
 */
class CredentialsSecrecyTests {

	private static final String EXCHANGE_LOGGER = "org.springframework.web.reactive.function.client.ExchangeFunctions";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Logger exchangeLogger;

	private Level previousLevel;

	@BeforeEach
	void captureExchangeLogAtTrace() {
		server.stubFor(post(urlEqualTo(TestPublishers.MESSAGES_PATH)).willReturn(okJson("{\"success\":true}")));
		this.exchangeLogger = (Logger) LoggerFactory.getLogger(EXCHANGE_LOGGER);
		this.previousLevel = this.exchangeLogger.getLevel();
		this.exchangeLogger.setLevel(Level.TRACE);
		this.appender.start();
		this.exchangeLogger.addAppender(this.appender);
	}

	@AfterEach
	void restoreLogger() {
		this.exchangeLogger.detachAppender(this.appender);
		this.exchangeLogger.setLevel(this.previousLevel);
	}

	@Test
	void requestDetailsLoggingAskedForByTheApplicationNeverPrintsTheToken() {
		WebClient logsDetails = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(true))
			.build();
		QueuePublisher publisher = TestPublishers.at(server.baseUrl()).webClient(logsDetails).build();

		StepVerifier.create(publisher.pushText("hello")).expectNextCount(1).verifyComplete();

		assertThat(this.appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.anySatisfy((line) -> assertThat(line).contains("HTTP POST"))
			.allSatisfy((line) -> assertThat(line).doesNotContain(TestPublishers.TOKEN));
	}

	@Test
	void theApplicationsFiltersNeitherSeeNorReplaceTheCredentials() {
		List<HttpHeaders> seen = new CopyOnWriteArrayList<>();
		WebClient hijacking = WebClient.builder().filter((request, next) -> {
			seen.add(request.headers());
			return next.exchange(ClientRequest.from(request)
				.headers((headers) -> headers.setBearerAuth("hijacked"))
				.build());
		}).build();
		QueuePublisher publisher = TestPublishers.at(server.baseUrl()).webClient(hijacking).build();

		StepVerifier.create(publisher.pushText("hello")).expectNextCount(1).verifyComplete();

		assertThat(seen).singleElement()
			.satisfies((headers) -> assertThat(headers.toString()).doesNotContain(TestPublishers.TOKEN))
			.satisfies((headers) -> assertThat(headers.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse());
		server.verify(postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + TestPublishers.TOKEN)));
	}

	@Test
	void httpClientObservationsNeverSeeTheCredentials() {
		List<HttpHeaders> observed = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<ClientRequestObservationContext>() {

			@Override
			public void onStop(ClientRequestObservationContext context) {
				ClientRequest request = context.getRequest();
				if (request != null) {
					observed.add(request.headers());
				}
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ClientRequestObservationContext;
			}

		});
		WebClient observedClient = WebClient.builder().observationRegistry(registry).build();
		QueuePublisher publisher = TestPublishers.at(server.baseUrl()).webClient(observedClient).build();

		StepVerifier.create(publisher.pushText("hello")).expectNextCount(1).verifyComplete();

		assertThat(observed).singleElement()
			.satisfies((headers) -> assertThat(headers.toString()).doesNotContain(TestPublishers.TOKEN));
		server.verify(postRequestedFor(urlEqualTo(TestPublishers.MESSAGES_PATH))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + TestPublishers.TOKEN)));
	}

}
