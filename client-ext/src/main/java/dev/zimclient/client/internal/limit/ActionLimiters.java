package dev.zimclient.client.internal.limit;

import dev.zimclient.client.limit.ZimActionLimit;
import dev.zimclient.client.limit.ZimRate;
import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.generated.ZimRateLimit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rate limiter per action and client (per key value for a limit kept per room or group),
 * shared by the action's blocking and async methods and by every interface instance; limits come
 * from the generated annotation unless overridden, and name the client's AppId.
 */
public final class ActionLimiters {
  private final ZimRateLimiter.Factory factory;
  private final Map<String, ZimRate> overrides;
  private final long appId;
  private final ConcurrentHashMap<String, ActionPacing> pacing = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ZimActionLimit> limits = new ConcurrentHashMap<>();

  public ActionLimiters(ZimRateLimiter.Factory factory, Map<String, ZimRate> overrides, long appId) {
    this.factory = factory;
    this.overrides = Map.copyOf(overrides);
    this.appId = appId;
  }

  /**
   * The windows of an action whose method carries {@code declared}, shortest first; none when the
   * spec declares no limit and the client sets none. An override replaces the rate of the
   * shortest window (or adds an app-wide one) and keeps its scope.
   */
  public ActionPacing forAction(String action, List<ZimRateLimit> declared) {
    return pacing.computeIfAbsent(action, name -> {
      List<ZimRateLimit> windows = new ArrayList<>(declared);
      windows.sort(Comparator.comparingInt(ZimRateLimit::periodSeconds));
      ZimRate override = overrides.get(name);
      List<ActionPacing.Window> paced = new ArrayList<>();
      for (int i = 0; i < windows.size(); i++) {
        ZimActionLimit limit = ZimActionLimit.of(name, windows.get(i)).forApp(appId);
        if (i == 0 && override != null) {
          limit = limit.withRate(override);
        }
        paced.add(new ActionPacing.Window(limiters(limit, windows.get(i).key()), windows.get(i).cost()));
        if (i == 0) {
          limits.put(name, limit);
        }
      }
      if (windows.isEmpty() && override != null) {
        ZimActionLimit limit = new ZimActionLimit(name, override.permits(), override.period(), ZimRateLimit.Scope.APP)
            .forApp(appId);
        limits.put(name, limit);
        paced.add(new ActionPacing.Window(limiters(limit, ""), ""));
      }
      return new ActionPacing(paced);
    });
  }

  private ScopedLimiter limiters(ZimActionLimit limit, String key) {
    boolean keyed = !key.isEmpty() && limit.scope() != ZimRateLimit.Scope.APP;
    return keyed ? ScopedLimiter.keyed(key, value -> factory.create(limit.forKey(value)))
        : ScopedLimiter.shared(factory.create(limit));
  }

  /** The limit in force for an action, once one of its methods has been created. */
  public Optional<ZimActionLimit> limit(String action) {
    return Optional.ofNullable(limits.get(action));
  }
}
