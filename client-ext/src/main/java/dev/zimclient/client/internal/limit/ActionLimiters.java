package dev.zimclient.client.internal.limit;

import dev.zimclient.client.limit.ZimActionLimit;
import dev.zimclient.client.limit.ZimRate;
import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.generated.ZimRateLimit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rate limiter per action and client, shared by the action's blocking and async methods and
 * by every interface instance; limits come from the generated annotation unless overridden.
 */
public final class ActionLimiters {
  private final ZimRateLimiter.Factory factory;
  private final Map<String, ZimRate> overrides;
  private final ConcurrentHashMap<String, ScopedLimiter> limiters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ZimActionLimit> limits = new ConcurrentHashMap<>();

  public ActionLimiters(ZimRateLimiter.Factory factory, Map<String, ZimRate> overrides) {
    this.factory = factory;
    this.overrides = Map.copyOf(overrides);
  }

  /** The limiters of an action whose method carries {@code declared} (null: the spec sets none). */
  public ScopedLimiter forAction(String action, ZimRateLimit declared) {
    return limiters.computeIfAbsent(action, name -> {
      ZimRate override = overrides.get(name);
      if (declared == null && override == null) {
        return ScopedLimiter.shared(maxWait -> 0L); // The spec declares no limit for this action.
      }
      ZimActionLimit limit = declared != null
          ? ZimActionLimit.of(name, declared)
          : new ZimActionLimit(name, override.permits(), override.period(), ZimRateLimit.Scope.APP);
      if (override != null) {
        limit = limit.withRate(override);
      }
      limits.put(name, limit);
      ZimActionLimit inForce = limit;
      boolean keyed = declared != null && !declared.key().isEmpty() && declared.scope() != ZimRateLimit.Scope.APP;
      return keyed
          ? ScopedLimiter.keyed(declared.key(), () -> factory.create(inForce))
          : ScopedLimiter.shared(factory.create(inForce));
    });
  }

  /** The limit in force for an action, once one of its methods has been created. */
  public Optional<ZimActionLimit> limit(String action) {
    return Optional.ofNullable(limits.get(action));
  }
}
