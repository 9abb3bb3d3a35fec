package dev.zimclient.client.limit;

import dev.zimclient.generated.ZimRateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * One action's rate limit: {@code permits} requests per {@code period}, shared at {@code scope}.
 * Comes from the generated {@link ZimRateLimit} annotation unless the client overrides its rate.
 */
public record ZimActionLimit(String action, int permits, Duration period, ZimRateLimit.Scope scope) {
  public ZimActionLimit {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(scope, "scope");
    new ZimRate(permits, period); // checks both
  }

  /** The limit a generated annotation declares. */
  public static ZimActionLimit of(String action, ZimRateLimit declared) {
    return new ZimActionLimit(action, declared.permits(), Duration.ofSeconds(declared.periodSeconds()), declared.scope());
  }

  /** The rate alone. */
  public ZimRate rate() {
    return new ZimRate(permits, period);
  }

  /** The same limit at another rate; the scope stays the spec's. */
  public ZimActionLimit withRate(ZimRate rate) {
    return new ZimActionLimit(action, rate.permits(), rate.period(), scope);
  }
}
