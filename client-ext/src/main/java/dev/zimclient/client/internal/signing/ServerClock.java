package dev.zimclient.client.internal.signing;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time used for signatures: the configured clock plus an offset learned from the server's
 * {@code Date} header when the server reports an expired signature.
 */
public final class ServerClock {
  private static final Logger log = LoggerFactory.getLogger(ServerClock.class);

  private final Clock clock;
  private final Consumer<Duration> listener;
  private final AtomicLong offsetMillis = new AtomicLong();

  /** @param listener told of each new offset; what it throws is logged and ignored */
  public ServerClock(Clock clock, Consumer<Duration> listener) {
    this.clock = clock;
    this.listener = listener;
  }

  long epochSeconds() {
    return Math.floorDiv(clock.millis() + offsetMillis.get(), 1000L);
  }

  /** The server's clock minus the local one; zero until a clock-skew answer taught otherwise. */
  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }

  /** Adopts the server's time as reported in a response's {@code Date} header, if any. */
  public void learn(Date serverDate) {
    if (serverDate == null) {
      return;
    }
    long offset = serverDate.getTime() - clock.millis();
    long previous = offsetMillis.getAndSet(offset);
    if (previous == offset) {
      return;
    }
    log.warn("Local clock differs from the ZIM server's by {} ms; signing with the server's time", offset);
    try {
      listener.accept(Duration.ofMillis(offset));
    } catch (RuntimeException e) {
      // The application's listener must not break the call that learned the offset.
      log.warn("Clock offset listener failed", e);
    }
  }
}
