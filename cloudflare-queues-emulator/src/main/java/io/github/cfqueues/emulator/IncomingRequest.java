package io.github.cfqueues.emulator;

import java.time.Instant;

import com.sun.net.httpserver.Headers;

/**
 * An HTTP request as read off the connection.
 */
record IncomingRequest(String method, String path, Headers headers, byte[] body, Instant receivedAt) {
}
