package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.RateLimit;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters: window {@code n} of a limit with period {@code p} covers the simulator
 * clock's seconds {@code [n*p, (n+1)*p)} since the epoch, so a one-second limit resets on each
 * whole second and a one-day limit at 00:00 UTC.
 */
final class RateLimiter {

  private static final int PRUNE_ABOVE = 10_000;

  private final ConcurrentHashMap<Key, Window> windows = new ConcurrentHashMap<>();

  /**
   * Takes a request's permits from every window of its action, or from none: a request refused
   * by its daily window must not use up its per-second one.
   *
   * @param limits the action's windows
   * @param scopeKeys per window, the room or group it counts for, or null for app-wide ones
   * @param costs per window, the permits the request takes
   * @return the window that refused the request, or null when every one had room
   */
  RateLimit tryAcquire(long appId, String action, List<RateLimit> limits, String[] scopeKeys, int[] costs, long nowMillis) {
    if (windows.size() > PRUNE_ABOVE) {
      windows.values().removeIf(w -> w.hasEndedBy(nowMillis));
    }
    Window[] taken = new Window[limits.size()];
    for (int i = 0; i < taken.length; i++) {
      taken[i] = windows.computeIfAbsent(new Key(appId, action, i, scopeKeys[i]), k -> new Window());
    }
    return acquire(taken, limits, costs, nowMillis, 0);
  }

  // Locks the windows one by one, always in the action's window order, so two requests cannot
  // wait for each other; with all held, checks every one before taking from any.
  private static RateLimit acquire(Window[] taken, List<RateLimit> limits, int[] costs, long nowMillis, int next) {
    if (next < taken.length) {
      synchronized (taken[next]) {
        return acquire(taken, limits, costs, nowMillis, next + 1);
      }
    }
    for (int i = 0; i < taken.length; i++) {
      RateLimit limit = limits.get(i);
      if (!taken[i].hasRoom(nowMillis, limit.periodSeconds() * 1000L, limit.permits(), costs[i])) {
        return limit;
      }
    }
    for (int i = 0; i < taken.length; i++) {
      taken[i].take(costs[i]);
    }
    return null;
  }

  void clear() {
    windows.clear();
  }

  private record Key(long appId, String action, int window, String scopeKey) {}

  /** One counter; guarded by its own monitor, which {@link #acquire} holds. */
  private static final class Window {
    private long index = Long.MIN_VALUE;
    private long endMillis = Long.MIN_VALUE;
    private int used;

    boolean hasRoom(long nowMillis, long periodMillis, int permits, int cost) {
      long current = Math.floorDiv(nowMillis, periodMillis);
      if (current != index) {
        index = current;
        endMillis = (current + 1) * periodMillis;
        used = 0;
      }
      return used + (long) cost <= permits;
    }

    void take(int cost) {
      used += cost;
    }

    synchronized boolean hasEndedBy(long nowMillis) {
      return endMillis <= nowMillis;
    }
  }
}
