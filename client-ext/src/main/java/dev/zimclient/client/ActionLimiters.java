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
  private final ConcurrentHashMap<String, ZimRateLimiter> limiters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ZimActionLimit> limits = new ConcurrentHashMap<>();

  ActionLimiters(ZimRateLimiter.Factory factory, Map<String, ZimActionLimit> overrides) {
    this.factory = factory;
    this.overrides = Map.copyOf(overrides);
  }

  ZimRateLimiter forAction(String action, Annotation[] annotations) {
    return limiters.computeIfAbsent(action, name -> {
      ZimActionLimit limit = overrides.get(name);
      if (limit == null) {
        ZimRateLimit declared = ZimCallAdapterFactory.find(annotations, ZimRateLimit.class);
        if (declared == null) {
          return maxWait -> 0L; // The spec declares no limit for this action.
        }
        limit = ZimActionLimit.of(name, declared);
      }
      limits.put(name, limit);
      return factory.create(limit);
    });
  }

  /** The limit in force for an action, once one of its methods has been created. */
  ZimActionLimit limit(String action) {
    return limits.get(action);
  }
}
