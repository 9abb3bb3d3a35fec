package dev.zimclient.client.limit;

import dev.zimclient.generated.ZimRateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * One budget of an action's rate limit: {@code permits} requests per {@code period}, shared at
 * {@code scope}. Comes from the generated {@link ZimRateLimit} annotation unless the client
 * overrides its rate.
 *
 * <p>{@code appId} and {@code key} name whose budget it is, so that a limiter shared by several
 * processes can keep one count per budget the server keeps: the client fills in its AppId, and,
 * for a limit kept per room or group, the value of the scope's key parameter (the room's ID, say).
 * {@code appId} is 0 when the limit is not tied to an app; {@code key} is empty for an app-wide
 * limit, and for the one budget that calls whose key cannot be read share.
 */
public record ZimActionLimit(String action, int permits, Duration period, ZimRateLimit.Scope scope, long appId,
    String key) {
  public ZimActionLimit {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(key, "key");
    new ZimRate(permits, period); // checks both
    if (appId < 0) {
      throw new IllegalArgumentException("appId must not be negative: " + appId);
    }
    if (scope == ZimRateLimit.Scope.APP && !key.isEmpty()) {
      throw new IllegalArgumentException("an app-wide limit has no key: " + action);
    }
  }

  /** A limit tied to no app and no key. */
  public ZimActionLimit(String action, int permits, Duration period, ZimRateLimit.Scope scope) {
    this(action, permits, period, scope, 0, "");
  }

  /** The limit a generated annotation declares. */
  public static ZimActionLimit of(String action, ZimRateLimit declared) {
    return new ZimActionLimit(action, declared.permits(), Duration.ofSeconds(declared.periodSeconds()), declared.scope());
  }

  /** The rate alone. */
  public ZimRate rate() {
    return new ZimRate(permits, period);
  }

  /** The same limit at another rate; the scope, AppId and key stay. */
  public ZimActionLimit withRate(ZimRate rate) {
    return new ZimActionLimit(action, rate.permits(), rate.period(), scope, appId, key);
  }

  /** The same limit as the budget of one app. */
  public ZimActionLimit forApp(long appId) {
    return new ZimActionLimit(action, permits, period, scope, appId, key);
  }

  /** The same limit as the budget of one room or group: {@code key} is the key parameter's value. */
  public ZimActionLimit forKey(String key) {
    return new ZimActionLimit(action, permits, period, scope, appId, key);
  }
}
