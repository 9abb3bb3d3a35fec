package dev.zimclient.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One request received and the answer given.
 *
 * @param receivedAt when it arrived, by the simulator clock
 * @param method the HTTP method
 * @param action the {@code Action} sent, or null
 * @param appId the {@code AppId} when it was well-formed
 * @param params the business parameters as decoded: a query value is a {@code String}, or a
 *     {@code List<String>} for an array parameter or a repeated key; a body field is the JSON value
 *     ({@code String}, {@code BigInteger}, {@code BigDecimal}, {@code Boolean}, {@code List},
 *     {@code Map})
 * @param rawQuery the query exactly as received, still percent-encoded
 * @param body the request body as UTF-8 text, empty when there was none
 * @param nonce the {@code SignatureNonce} sent, or null
 * @param timestamp the {@code Timestamp} sent, or null
 * @param code the {@code Code} answered
 * @param message the {@code Message} answered
 * @param requestId the {@code RequestId} answered
 */
public record JournalEntry(
    Instant receivedAt,
    String method,
    String action,
    OptionalLong appId,
    Map<String, Object> params,
    String rawQuery,
    String body,
    String nonce,
    String timestamp,
    int code,
    String message,
    String requestId) {

  public JournalEntry {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** Whether the answer was a success ({@code Code} 0). */
  public boolean succeeded() {
    return code == 0;
  }
}
