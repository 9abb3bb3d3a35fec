package dev.zimclient.simulator;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers each (AppId, nonce) until its signed timestamp leaves the window: after that the
 * timestamp check rejects a replay anyway, so the entry can go.
 */
final class NonceRegistry {

  private static final int PRUNE_EVERY = 4096;

  private final long windowSeconds;
  private final ConcurrentHashMap<Key, Long> expiries = new ConcurrentHashMap<>();
  private final AtomicInteger insertions = new AtomicInteger();

  NonceRegistry(long windowSeconds) {
    this.windowSeconds = windowSeconds;
  }

  /**
   * Records the nonce and tells whether this is its first use within the window.
   *
   * @param timestampSeconds the signed timestamp
   * @param nowSeconds the simulator clock
   */
  boolean firstUse(long appId, String nonce, long timestampSeconds, long nowSeconds) {
    Key key = new Key(appId, nonce);
    long expiry = timestampSeconds + windowSeconds;
    boolean[] first = {false};
    expiries.compute(
        key,
        (k, previous) -> {
          if (previous == null || previous < nowSeconds) {
            first[0] = true;
            return expiry;
          }
          return previous;
        });
    if (first[0] && insertions.incrementAndGet() % PRUNE_EVERY == 0) {
      expiries.values().removeIf(e -> e < nowSeconds);
    }
    return first[0];
  }

  void clear() {
    expiries.clear();
  }

  private record Key(long appId, String nonce) {}
}
