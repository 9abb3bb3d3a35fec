package dev.zimclient.client.limit;

import java.time.Duration;
import java.util.Objects;

/** A rate: {@code permits} requests per {@code period}. */
public record ZimRate(int permits, Duration period) {
  public ZimRate {
    Objects.requireNonNull(period, "period");
    if (permits <= 0) {
      throw new IllegalArgumentException("permits must be positive: " + permits);
    }
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
  }
}
