package dev.zimclient.client.internal.call;

import dev.zimclient.client.internal.limit.ActionPacing;
import dev.zimclient.client.internal.limit.CombinedLimiter;
import dev.zimclient.client.limit.ZimRateLimiter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Picks the limiter one call of a method takes its permits from, by the call's arguments. */
final class CallPacing {
  private static final ZimRateLimiter UNLIMITED = maxWaitNanos -> 0L;

  private final List<ActionPacing.Window> windows;
  private final List<ArgumentPath> keys = new ArrayList<>();
  private final List<ArgumentPath> costs = new ArrayList<>();

  CallPacing(ActionPacing pacing, Method method) {
    this.windows = pacing.windows();
    for (ActionPacing.Window window : windows) {
      String key = window.limiters().keyParameter();
      keys.add(key == null ? null : ArgumentPath.find(method, key));
      costs.add(window.countsItems() ? ArgumentPath.find(method, window.costParameter()) : null);
    }
  }

  ZimRateLimiter limiterFor(Object[] arguments) {
    if (windows.isEmpty()) {
      return UNLIMITED;
    }
    List<ZimRateLimiter> limiters = new ArrayList<>(windows.size());
    List<Integer> permits = new ArrayList<>(windows.size());
    boolean single = windows.size() == 1;
    for (int i = 0; i < windows.size(); i++) {
      limiters.add(limiterOf(windows.get(i), keys.get(i), arguments));
      int cost = costOf(costs.get(i), arguments);
      permits.add(cost);
      single &= cost == 1;
    }
    return single ? limiters.get(0) : new CombinedLimiter(limiters, permits);
  }

  /** The key's limiter (a room's budget, say); the shared one when the key cannot be read. */
  private static ZimRateLimiter limiterOf(ActionPacing.Window window, ArgumentPath key, Object[] arguments) {
    Object value = key == null ? null : key.read(arguments);
    return value instanceof String text ? window.limiters().forKey(text) : window.limiters().shared();
  }

  private static int costOf(ArgumentPath cost, Object[] arguments) {
    Object value = cost == null ? null : cost.read(arguments);
    return value instanceof Collection<?> items ? Math.max(1, items.size()) : 1;
  }
}
