package dev.zimclient.client;

import dev.zimclient.generated.ZimRateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * One action's rate limit: {@code permits} requests per {@code period}, shared at {@code scope}.
 * Comes from the generated {@link ZimRateLimit} annotation unless the client overrides it.
 */
public record ZimActionLimit(String action, int permits, Duration period, ZimRateLimit.Scope scope) {
  public ZimActionLimit {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(scope, "scope");
    if (permits <= 0) {
      throw new IllegalArgumentException("permits must be positive: " + permits);
    }
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
  }

  static ZimActionLimit of(String action, ZimRateLimit annotation) {
    return new ZimActionLimit(action, annotation.permits(), Duration.ofSeconds(annotation.periodSeconds()), annotation.scope());
  }

  /** The same limit with other permits and period. */
  public ZimActionLimit withRate(int permits, Duration period) {
    return new ZimActionLimit(action, permits, period, scope);
  }
}
