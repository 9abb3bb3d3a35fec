package dev.zimclient.simulator.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response to write: status, headers ({@code Content-Length} and {@code Connection} are
 * the server's) and body.
 */
public record RawResponse(int status, Map<String, String> headers, byte[] body) {

  public RawResponse {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }
}
