package io.github.cfqueues.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmulatorMainTests {

	@Test
	void optionsConfigureTheEmulator() {
		CloudflareQueuesEmulator.Builder builder = EmulatorMain.parse(new String[] { "--port", "0", "--token",
				ApiClient.TOKEN, "--email", "me@example.com", "--key", "k", "--queue", "account1/queue1" });

		try (CloudflareQueuesEmulator emulator = builder.start()) {
			ApiClient client = new ApiClient(emulator);
			assertThat(client.push("{\"body\":1}").statusCode()).isEqualTo(200);
			assertThat(client.post(ApiClient.queuePath("account1", "other", "messages"), "{\"body\":1}").statusCode())
				.isEqualTo(404);
			assertThat(ApiClient.send(client.unauthenticatedRequest(ApiClient.queuePath("metrics"))
				.header("Authorization", "Bearer wrong")
				.build()).statusCode()).isEqualTo(403);
		}
	}

	@Test
	void autoCreateOptionCreatesQueuesOnFirstUse() {
		try (CloudflareQueuesEmulator emulator = EmulatorMain.parse(new String[] { "--port", "0", "--auto-create" })
			.start()) {
			assertThat(new ApiClient(emulator).push("{\"body\":1}").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void helpAsksForNoEmulator() {
		assertThat(EmulatorMain.parse(new String[] { "--help" })).isNull();
	}

	@Test
	void invalidOptionsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.parse(new String[] { "--bogus" }));
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.parse(new String[] { "--port" }));
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.parse(new String[] { "--port", "x" }));
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.parse(new String[] { "--key", "k" }));
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.parse(new String[] { "--email", "e" }));
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.parse(new String[] { "--queue", "a" }));
	}

}
