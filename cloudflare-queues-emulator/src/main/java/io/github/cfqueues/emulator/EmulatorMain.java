package io.github.cfqueues.emulator;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * Runs the emulator standalone until the process is stopped, printing its base URL and its inspection URL:
 * <pre>
 * java -cp ... io.github.cfqueues.emulator.EmulatorMain --port 8787 --token local-token --auto-create
 * </pre>
 * Options: {@code --port <n>} (default 8787, 0 for random), {@code --token <token>} and
 * {@code --email <email> --key <key>} (repeatable; none means any credentials), {@code --auto-create},
 * {@code --queue <account_id>/<queue_id>} (repeatable), {@code --help}.
 */
public final class EmulatorMain {

	static final int DEFAULT_PORT = 8787;

	private EmulatorMain() {
	}

	/**
	 * Starts the emulator and waits until the JVM shuts down.
	 * @param args the command line options
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static void main(String[] args) throws InterruptedException {
		CloudflareQueuesEmulator.Builder builder;
		try {
			builder = parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			printUsage(System.err);
			System.exit(2);
			return;
		}
		if (builder == null) {
			printUsage(System.out);
			return;
		}
		CloudflareQueuesEmulator emulator = builder.start();
		Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop, "cf-queues-emulator-shutdown"));
		System.out.println("Cloudflare Queues emulator listening on " + emulator.baseUrl());
		System.out.println("See what reached it at " + emulator.inspectionUrl());
		new CountDownLatch(1).await();
	}

	/**
	 * Returns the configured builder, or {@code null} when help was asked for.
	 */
	static CloudflareQueuesEmulator.@Nullable Builder parse(String[] args) {
		CloudflareQueuesEmulator.Builder builder = CloudflareQueuesEmulator.builder().port(DEFAULT_PORT);
		@Nullable String email = null;
		Iterator<String> options = Arrays.asList(args).iterator();
		while (options.hasNext()) {
			String option = options.next();
			switch (option) {
				case "--help", "-h" -> {
					return null;
				}
				case "--port" -> builder.port(parsePort(value(options, option)));
				case "--token" -> builder.apiToken(value(options, option));
				case "--email" -> email = value(options, option);
				case "--key" -> {
					if (email == null) {
						throw new IllegalArgumentException("--key must follow --email");
					}
					builder.globalApiKey(email, value(options, option));
					email = null;
				}
				case "--auto-create" -> builder.autoCreateQueues(true);
				case "--queue" -> {
					String[] ids = value(options, option).split("/", -1);
					if (ids.length != 2) {
						throw new IllegalArgumentException("--queue expects <account_id>/<queue_id>");
					}
					builder.queue(ids[0], ids[1]);
				}
				default -> throw new IllegalArgumentException("Unknown option " + option);
			}
		}
		if (email != null) {
			throw new IllegalArgumentException("--email needs a following --key");
		}
		return builder;
	}

	private static String value(Iterator<String> options, String option) {
		if (!options.hasNext()) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return options.next();
	}

	private static int parsePort(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--port expects a number, not " + value);
		}
	}

	private static void printUsage(PrintStream out) {
		out.println("Usage: EmulatorMain [--port <n>] [--token <token>]... [--email <email> --key <key>]... "
				+ "[--auto-create] [--queue <account_id>/<queue_id>]...");
	}

}
