package dev.zimclient.simulator;

import dev.zimclient.simulator.spec.RateLimit;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters: window {@code n} of a limit with period {@code p} covers the simulator
 * clock's seconds {@code [n*p, (n+1)*p)}, so a one-second limit resets on each whole second.
 */
final class RateLimiter {

  private static final int PRUNE_ABOVE = 10_000;

  private final ConcurrentHashMap<Key, Window> windows = new ConcurrentHashMap<>();

  /**
   * Takes one permit.
   *
   * @param scopeKey the room for room-scoped limits, else null
   * @return false when the window's permits are used up
   */
  boolean tryAcquire(long appId, String action, String scopeKey, RateLimit limit, long nowMillis) {
    long periodMillis = limit.periodSeconds() * 1000L;
    if (windows.size() > PRUNE_ABOVE) {
      windows.values().removeIf(w -> w.hasEndedBy(nowMillis));
    }
    Window window = windows.computeIfAbsent(new Key(appId, action, scopeKey), k -> new Window());
    return window.tryAcquire(Math.floorDiv(nowMillis, periodMillis), periodMillis, limit.permits());
  }

  void clear() {
    windows.clear();
  }

  private record Key(long appId, String action, String scopeKey) {}

  private static final class Window {
    private long index = Long.MIN_VALUE;
    private long endMillis = Long.MIN_VALUE;
    private int used;

    synchronized boolean tryAcquire(long currentIndex, long periodMillis, int permits) {
      if (currentIndex != index) {
        index = currentIndex;
        endMillis = (currentIndex + 1) * periodMillis;
        used = 0;
      }
      if (used >= permits) {
        return false;
      }
      used++;
      return true;
    }

    synchronized boolean hasEndedBy(long nowMillis) {
      return endMillis <= nowMillis;
    }
  }
}
