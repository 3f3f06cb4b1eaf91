package io.github.cfqueues.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The rule for the API's base URL, which receives the credentials with every request: an absolute URL with a host,
 * over https, or plain http only to a loopback host (an emulator or a test server on this machine); and nothing a
 * credential or a secret could hide in: no user info, query or fragment. Messages show at most the URL's scheme,
 * host and port.
 */
public final class BaseUrls {

	private BaseUrls() {
	}

	/**
	 * Checks that a URL may be the API's base URL.
	 * @param baseUrl the URL
	 * @return the URL
	 * @throws IllegalArgumentException if it breaks the rule; the message names the rule broken
	 */
	public static URI check(URI baseUrl) {
		Objects.requireNonNull(baseUrl, "baseUrl must not be null");
		if (baseUrl.getRawUserInfo() != null) {
			throw new IllegalArgumentException("The base URL must not carry user info (credentials go in the "
					+ "client's credentials; the value is not shown)");
		}
		if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
			throw new IllegalArgumentException("The base URL must be an absolute URL with a host (the value is not "
					+ "shown)");
		}
		if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
			throw new IllegalArgumentException("The base URL '" + origin(baseUrl) + "...' must not have a query or "
					+ "fragment (the rest of the value is not shown)");
		}
		boolean https = "https".equalsIgnoreCase(baseUrl.getScheme());
		boolean loopbackHttp = "http".equalsIgnoreCase(baseUrl.getScheme()) && isLoopback(baseUrl.getHost());
		if (!https && !loopbackHttp) {
			throw new IllegalArgumentException("The base URL '" + origin(baseUrl) + "' must use https; plain http is "
					+ "allowed only to a loopback host (localhost, 127.0.0.1, [::1])");
		}
		return baseUrl;
	}

	/**
	 * Whether a host is this machine's loopback: {@code localhost} or a loopback address literal. No name is
	 * looked up.
	 * @param host the host, an IPv6 literal with or without its brackets
	 * @return {@code true} for a loopback host
	 */
	public static boolean isLoopback(String host) {
		if ("localhost".equalsIgnoreCase(host)) {
			return true;
		}
		String literal = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
			return false;
		}
		try {
			return InetAddress.getByName(literal).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
	}

}
