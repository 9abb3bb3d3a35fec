package dev.zimclient.client;

import dev.zimclient.generated.ZimRateLimit;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rate limiter per action and client, shared by the action's blocking and async methods and
 * by every interface instance; limits come from the generated annotation unless overridden.
 */
final class ActionLimiters {
  private final ZimRateLimiter.Factory factory;
  private final Map<String, ZimActionLimit> overrides;
  private final ConcurrentHashMap<String, ScopedLimiter> limiters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ZimActionLimit> limits = new ConcurrentHashMap<>();

  ActionLimiters(ZimRateLimiter.Factory factory, Map<String, ZimActionLimit> overrides) {
    this.factory = factory;
    this.overrides = Map.copyOf(overrides);
  }

  ScopedLimiter forAction(String action, Annotation[] annotations) {
    return limiters.computeIfAbsent(action, name -> {
      ZimRateLimit declared = ZimCallAdapterFactory.find(annotations, ZimRateLimit.class);
      ZimActionLimit override = overrides.get(name);
      ZimActionLimit limit = declared == null ? override : ZimActionLimit.of(name, declared);
      if (limit == null) {
        return ScopedLimiter.shared(maxWait -> 0L); // The spec declares no limit for this action.
      }
      if (override != null) {
        limit = limit.withRate(override.permits(), override.period()); // the scope stays the spec's
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
  ZimActionLimit limit(String action) {
    return limits.get(action);
  }
}
