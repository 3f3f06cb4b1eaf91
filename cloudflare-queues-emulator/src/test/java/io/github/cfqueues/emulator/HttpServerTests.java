package io.github.cfqueues.emulator;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpServerTests {

	private static final String PUSH_PATH = ApiClient.queuePath("messages");

	private CloudflareQueuesEmulator emulator;

	private EmulatedQueue queue;

	@BeforeEach
	void start() {
		this.emulator = CloudflareQueuesEmulator.builder().apiToken(ApiClient.TOKEN).start();
		this.queue = this.emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);
	}

	@AfterEach
	void stop() {
		this.emulator.stop();
	}

	@Test
	void manySequentialRequestsShareOneConnectionWithoutDelayedAckStalls() throws IOException {
		int requests = 200;
		long started = System.nanoTime();
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			for (int i = 0; i < requests; i++) {
				RawConnection.Response response = connection.send(RawConnection.post(PUSH_PATH, "{\"body\":" + i + "}"))
					.read();

				assertThat(response.status()).as(response.body()).isEqualTo(200);
				assertThat(response.header("Connection")).isNull();
			}
		}

		assertThat(this.queue.messages()).hasSize(requests);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("about 40 ms per request would mean stalls")
			.isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void chunkedRequestBodyIsReassembled() throws IOException {
		String body = "{\"body\":\"chunked\",\"content_type\":\"text\"}";
		String chunked = Integer.toHexString(10) + ";ext=1\r\n" + body.substring(0, 10) + "\r\n"
				+ Integer.toHexString(body.length() - 10) + "\r\n" + body.substring(10) + "\r\n0\r\nTrailer: x\r\n\r\n";
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			RawConnection.Response response = connection.send("POST /client/v4" + PUSH_PATH + " HTTP/1.1\r\n"
					+ "Host: x\r\nAuthorization: Bearer " + ApiClient.TOKEN + "\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ chunked).read();

			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(connection.send(RawConnection.post(PUSH_PATH, "{\"body\":2}")).read().status()).isEqualTo(200);
		}
		assertThat(this.queue.messages()).extracting(StoredMessage::body).containsExactly("chunked", "2");
	}

	@Test
	void expectContinueIsAnsweredBeforeTheBodyIsSent() throws IOException {
		String body = "{\"body\":\"after continue\",\"content_type\":\"text\"}";
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			connection.send("POST /client/v4" + PUSH_PATH + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
					+ ApiClient.TOKEN + "\r\nExpect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n");

			RawConnection.Response interim = connection.read();
			assertThat(interim.statusLine()).isEqualTo("HTTP/1.1 100 Continue");

			RawConnection.Response response = connection.send(body).read();
			assertThat(response.status()).isEqualTo(200);
		}
		assertThat(this.queue.messages()).extracting(StoredMessage::body).containsExactly("after continue");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GARBAGE\r\n\r\n", "POST /client/v4/x HTTP/1.1 extra\r\n\r\n",
			"POST /client/v4/x HTTP/2.0\r\n\r\n", "POST /client/v4/x HTTP/1.1\r\nNo colon here\r\n\r\n",
			"POST /client/v4/x HTTP/1.1\r\nBad Name: x\r\n\r\n",
			"POST /client/v4/x HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
			"POST /client/v4/x HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
			"POST /client/v4/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" })
	void malformedRequestIsAnswered400AndTheConnectionClosed(String request) throws IOException {
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			RawConnection.Response response = connection.send(request).read();

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.header("Connection")).isEqualTo("close");
			assertThat(response.body()).isNotBlank();
			assertThat(connection.readToEnd()).isZero();
		}
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void overlongHeaderLineIsAnswered400() throws IOException {
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			RawConnection.Response response = connection
				.send("GET /client/v4/x HTTP/1.1\r\nX-Long: " + "a".repeat(10_000) + "\r\n\r\n")
				.read();

			assertThat(response.status()).isEqualTo(400);
		}
	}

	@Test
	void bodyOverTheLimitIsAnswered413WithoutReadingIt() throws IOException {
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			RawConnection.Response response = connection.send("POST /client/v4" + PUSH_PATH + " HTTP/1.1\r\n"
					+ "Host: x\r\nExpect: 100-continue\r\nContent-Length: " + (HttpServerRunner.MAX_BODY_BYTES + 1)
					+ "\r\n\r\n").read();

			assertThat(response.status()).isEqualTo(413);
			assertThat(response.header("Connection")).isEqualTo("close");
		}
		assertThat(this.queue.messages()).isEmpty();
	}

	@Test
	void chunkedBodyOverTheLimitIsAnswered413() throws IOException {
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			RawConnection.Response response = connection.send("POST /client/v4" + PUSH_PATH + " HTTP/1.1\r\n"
					+ "Host: x\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ Long.toHexString(HttpServerRunner.MAX_BODY_BYTES + 1) + "\r\n").read();

			assertThat(response.status()).isEqualTo(413);
		}
	}

	@Test
	void unknownTransferCodingIsAnswered501() throws IOException {
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			assertThat(connection.send("POST /client/v4" + PUSH_PATH + " HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
				.read()
				.status()).isEqualTo(501);
		}
	}

	@Test
	void connectionCloseIsHonoured() throws IOException {
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			RawConnection.Response response = connection
				.send(RawConnection.post(PUSH_PATH, "{\"body\":1}", "Connection: close\r\n"))
				.read();

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.header("Connection")).isEqualTo("close");
			assertThat(connection.readToEnd()).isZero();
		}
	}

	@Test
	void http10ClosesTheConnectionUnlessAskedToKeepItAlive() throws IOException {
		String request = "GET /client/v4" + ApiClient.queuePath("metrics") + " HTTP/1.0\r\nAuthorization: Bearer "
				+ ApiClient.TOKEN + "\r\n";
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			assertThat(connection.send(request + "Connection: keep-alive\r\n\r\n").read().status()).isEqualTo(200);
			assertThat(connection.send(request + "\r\n").read().header("Connection")).isEqualTo("close");
			assertThat(connection.readToEnd()).isZero();
		}
	}

	@Test
	void absoluteFormTargetAndLeadingEmptyLinesAreAccepted() throws IOException {
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			RawConnection.Response response = connection.send("\r\nGET http://127.0.0.1/client/v4"
					+ ApiClient.queuePath("metrics") + "?x=1 HTTP/1.1\r\nAuthorization: Bearer " + ApiClient.TOKEN
					+ "\r\n\r\n").read();

			assertThat(response.status()).as(response.body()).isEqualTo(200);
		}
	}

	@Test
	void droppedConnectionIsResetWithoutAnAnswer() throws IOException {
		this.emulator.setFaultInjector(Faults.always(Fault.dropConnection()));
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			connection.send(RawConnection.post(PUSH_PATH, "{\"body\":1}"));

			assertThat(connection.readToEnd()).as("the connection was reset").isEqualTo(-1);
		}
	}

	@Test
	void stopClosesIdleConnectionsPromptly() throws IOException {
		try (RawConnection connection = new RawConnection(this.emulator.port())) {
			assertThat(connection.send(RawConnection.post(PUSH_PATH, "{\"body\":1}")).read().status()).isEqualTo(200);

			long started = System.nanoTime();
			this.emulator.stop();

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
			assertThat(connection.readToEnd()).isLessThanOrEqualTo(0);
		}
	}

	@Test
	void everyEmulatorThreadIsADaemonAndEndsWithStop() throws Exception {
		try (RawConnection first = new RawConnection(this.emulator.port());
				RawConnection second = new RawConnection(this.emulator.port())) {
			first.send(RawConnection.post(PUSH_PATH, "{\"body\":1}")).read();
			second.send(RawConnection.post(PUSH_PATH, "{\"body\":2}")).read();

			List<Thread> threads = emulatorThreads();
			assertThat(threads).hasSizeGreaterThanOrEqualTo(3).allSatisfy((thread) -> assertThat(thread.isDaemon())
				.as(thread.getName())
				.isTrue());

			this.emulator.stop();
			for (Thread thread : threads) {
				thread.join(2_000);
			}
			assertThat(threads).noneMatch(Thread::isAlive);
		}
	}

	@Test
	void startingAnEmbeddedEmulatorSetsNoSystemProperty() throws IOException {
		Map<Object, Object> before = new HashMap<>(System.getProperties());

		try (CloudflareQueuesEmulator other = CloudflareQueuesEmulator.builder().queue("a", "q").start();
				RawConnection connection = new RawConnection(other.port())) {
			connection.send("GET /client/v4/accounts/a/queues/q/metrics HTTP/1.1\r\nAuthorization: Bearer x\r\n\r\n")
				.read();
		}

		Properties after = System.getProperties();
		assertThat(new HashMap<>(after)).isEqualTo(before);
		assertThat(after.getProperty("sun.net.httpserver.nodelay")).isNull();
	}

	private List<Thread> emulatorThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith(HttpServerRunner.THREAD_NAME_PREFIX))
			.filter(Thread::isAlive)
			.toList();
	}

}
