package dev.zimclient.simulator.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as it came off the wire: the target is kept raw (still percent-encoded), so
 * that decoding is the gateway's business alone.
 *
 * @param method the method, as sent
 * @param rawPath the path part of the target, e.g. {@code /}
 * @param rawQuery the part after the first {@code ?}, or null when there is none
 * @param headers header values by lower-case name (the first value of a repeated header)
 * @param body the body, de-chunked; empty when there is none
 */
public record RawRequest(
    String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {

  public RawRequest {
    headers = Map.copyOf(headers);
  }

  /** A header by case-insensitive name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }
}
