package io.github.cfqueues.emulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LifecycleTests {

	@Test
	void listensOnARandomLoopbackPortByDefault() {
		try (CloudflareQueuesEmulator emulator = CloudflareQueuesEmulator.builder().start()) {
			assertThat(emulator.isRunning()).isTrue();
			assertThat(emulator.port()).isPositive();
			assertThat(emulator.baseUrl()).hasToString("http://127.0.0.1:" + emulator.port() + "/client/v4");
		}
	}

	@Test
	void listensOnTheConfiguredPort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (CloudflareQueuesEmulator emulator = CloudflareQueuesEmulator.builder().port(port).start()) {
			assertThat(emulator.port()).isEqualTo(port);
		}
	}

	@Test
	void stoppedEmulatorRefusesConnectionsAndHasNoPort() {
		CloudflareQueuesEmulator emulator = CloudflareQueuesEmulator.builder().queue("a", "q").start();
		HttpRequest request = HttpRequest
			.newBuilder(emulator.baseUrl().resolve("/client/v4/accounts/a/queues/q/metrics"))
			.header("Authorization", "Bearer x")
			.build();

		emulator.stop();

		assertThat(emulator.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(emulator::port);
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> ApiClient.http().send(request, HttpResponse.BodyHandlers.ofString()));
		emulator.stop();
	}

	@Test
	void restartedEmulatorKeepsItsQueues() {
		CloudflareQueuesEmulator emulator = CloudflareQueuesEmulator.builder().apiToken(ApiClient.TOKEN).start();
		emulator.createQueue(ApiClient.ACCOUNT, ApiClient.QUEUE);
		new ApiClient(emulator).push("{\"body\":1}");
		emulator.stop();

		try (CloudflareQueuesEmulator restarted = emulator.start()) {
			JsonNode metrics = ApiClient.result(new ApiClient(restarted).metrics());
			assertThat(metrics.get("backlog_count").intValue()).isEqualTo(1);
		}
	}

	@Test
	void startingTwiceIsHarmless() {
		try (CloudflareQueuesEmulator emulator = CloudflareQueuesEmulator.builder().start()) {
			int port = emulator.port();
			assertThat(emulator.start().port()).isEqualTo(port);
		}
	}

	@Test
	void stopEndsRequestsThatAreStillWaitingForTheirAnswer() throws Exception {
		CloudflareQueuesEmulator emulator = CloudflareQueuesEmulator.builder()
			.queue(ApiClient.ACCOUNT, ApiClient.QUEUE)
			.faultInjector(Faults.always(Fault.delayAfterStore(Duration.ofSeconds(30))))
			.start();
		CompletableFuture<HttpResponse<String>> response = ApiClient.http()
			.sendAsync(new ApiClient(emulator).request(ApiClient.queuePath("messages"))
				.POST(HttpRequest.BodyPublishers.ofString("{\"body\":1}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		while (emulator.requests().isEmpty()) {
			Thread.sleep(10);
		}

		long started = System.nanoTime();
		emulator.stop();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> response.get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(IOException.class);
	}

	@Test
	void connectionIsKeptAliveAcrossRequests() throws IOException {
		try (CloudflareQueuesEmulator emulator = CloudflareQueuesEmulator.builder()
			.queue(ApiClient.ACCOUNT, ApiClient.QUEUE)
			.start(); Socket socket = new Socket("127.0.0.1", emulator.port())) {
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			for (int i = 0; i < 3; i++) {
				String body = "{\"body\":" + i + "}";
				out.write(("POST /client/v4" + ApiClient.queuePath("messages") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
						+ "Authorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: "
						+ body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
				out.flush();

				String response = readResponse(in);

				assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase("cf-ray:");
				assertThat(response).contains("\"backlog_count\":" + (i + 1));
			}
		}
	}

	private static String readResponse(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Connection closed after: " + head);
			}
			head.write(b);
		}
		String headers = head.toString(StandardCharsets.US_ASCII);
		int contentLength = headers.lines()
			.filter((line) -> line.toLowerCase().startsWith("content-length:"))
			.mapToInt((line) -> Integer.parseInt(line.substring("content-length:".length()).trim()))
			.findFirst()
			.orElseThrow();
		return headers + new String(in.readNBytes(contentLength), StandardCharsets.UTF_8);
	}

}
