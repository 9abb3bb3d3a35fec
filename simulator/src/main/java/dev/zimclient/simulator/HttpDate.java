package dev.zimclient.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header's text (IMF-fixdate, RFC 9110). It changes once a second, and
 * formatting it for every answer cost about a tenth of the simulator's time per request, so the
 * text of the last second is kept. Thread-safe: racing threads at worst format a second twice.
 */
final class HttpDate {

  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private record Formatted(long epochSecond, String text) {}

  private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

  String format(Instant instant) {
    long second = instant.getEpochSecond();
    Formatted formatted = last;
    if (formatted.epochSecond() != second) {
      formatted = new Formatted(second, IMF_FIXDATE.format(instant));
      last = formatted;
    }
    return formatted.text();
  }
}
