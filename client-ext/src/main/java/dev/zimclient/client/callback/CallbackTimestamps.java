package dev.zimclient.client.callback;

import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.MALFORMED;

import java.time.Instant;

/**
 * Reads a callback's {@code timestamp}, which ZEGO documents in milliseconds for room and group
 * events and in seconds for the others. The unit is told by the size: 10^11 seconds lie in the
 * year 5138 and 10^11 milliseconds in 1973, so every value of either unit within centuries of now
 * falls on its own side of that line.
 */
final class CallbackTimestamps {
  static final long MILLIS_FROM = 100_000_000_000L;

  private CallbackTimestamps() {}

  static Instant parse(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new ZimCallbackRefusedException(MALFORMED, "timestamp", "the timestamp is not Unix time in digits");
    }
    long value = Long.parseLong(text);
    return value >= MILLIS_FROM ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
  }
}
