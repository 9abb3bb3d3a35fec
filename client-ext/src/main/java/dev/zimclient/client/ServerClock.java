package dev.zimclient.client;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time used for signatures: the configured clock plus an offset learned from the server's
 * {@code Date} header when the server reports an expired signature.
 */
final class ServerClock {
  private static final Logger log = LoggerFactory.getLogger(ServerClock.class);

  private final Clock clock;
  private final Consumer<Duration> listener;
  private final AtomicLong offsetMillis = new AtomicLong();

  ServerClock(Clock clock) {
    this(clock, offset -> { });
  }

  ServerClock(Clock clock, Consumer<Duration> listener) {
    this.clock = clock;
    this.listener = listener;
  }

  long epochSeconds() {
    return Math.floorDiv(clock.millis() + offsetMillis.get(), 1000L);
  }

  Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }

  /** Adopts the server's time as reported in a response; returns whether the offset changed. */
  boolean learn(java.util.Date serverDate) {
    if (serverDate == null) {
      return false;
    }
    long offset = serverDate.getTime() - clock.millis();
    long previous = offsetMillis.getAndSet(offset);
    if (previous != offset) {
      log.warn("Local clock differs from the ZIM server's by {} ms; signing with the server's time", offset);
      try {
        listener.accept(Duration.ofMillis(offset));
      } catch (RuntimeException e) {
        // The application's listener must not break the call that learned the offset.
        log.warn("Clock offset listener failed", e);
      }
      return true;
    }
    return false;
  }
}
