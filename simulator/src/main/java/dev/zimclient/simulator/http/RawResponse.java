package dev.zimclient.simulator.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response to write: status, headers ({@code Content-Length} and {@code Connection} are
 * the server's), body, and how long to hold it back. The server waits on a timer, not on a
 * thread, so a slow answer costs nothing while it waits.
 *
 * @param delayNanos how long after the handler returns the answer is sent; 0 for at once
 */
public record RawResponse(int status, Map<String, String> headers, byte[] body, long delayNanos) {

  public RawResponse {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    if (delayNanos < 0) {
      throw new IllegalArgumentException("delayNanos must not be negative: " + delayNanos);
    }
  }

  /** An answer sent at once. */
  public RawResponse(int status, Map<String, String> headers, byte[] body) {
    this(status, headers, body, 0);
  }
}
