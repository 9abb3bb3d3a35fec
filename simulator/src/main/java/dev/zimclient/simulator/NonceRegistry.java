package dev.zimclient.simulator;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Remembers each (AppId, nonce) until its signed timestamp leaves the window: after that the
 * timestamp check rejects a replay anyway, so the entry can go. Entries leave in arrival order,
 * which is expiry order as long as clients sign with the current time. At most {@code capacity}
 * nonces are kept: under a load far above ZEGO's rate limits the oldest are forgotten early.
 */
final class NonceRegistry {

  /** About 90 MB at most; 50 s of history at 10,000 requests per second. */
  static final int DEFAULT_CAPACITY = 500_000;

  private final long windowSeconds;
  private final int capacity;
  private final ConcurrentHashMap<Key, Long> expiries = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Entry> arrivals = new ConcurrentLinkedQueue<>();
  private final ReentrantLock pruning = new ReentrantLock();

  NonceRegistry(long windowSeconds, int capacity) {
    this.windowSeconds = windowSeconds;
    this.capacity = capacity;
  }

  /**
   * Records the nonce and tells whether this is its first use within the window.
   *
   * @param timestampSeconds the signed timestamp
   * @param nowSeconds the simulator clock
   */
  boolean firstUse(long appId, String nonce, long timestampSeconds, long nowSeconds) {
    prune(nowSeconds);
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
    if (first[0]) {
      arrivals.add(new Entry(key, expiry));
    }
    return first[0];
  }

  void clear() {
    pruning.lock();
    try {
      arrivals.clear();
      expiries.clear();
    } finally {
      pruning.unlock();
    }
  }

  // One thread prunes at a time; the others go on rather than wait.
  private void prune(long nowSeconds) {
    if (!pruning.tryLock()) {
      return;
    }
    try {
      Entry head = arrivals.peek();
      while (head != null && (head.expiry() < nowSeconds || expiries.size() > capacity)) {
        arrivals.poll();
        // A key used again after expiry has a newer value: only its own entry removes it.
        expiries.remove(head.key(), head.expiry());
        head = arrivals.peek();
      }
    } finally {
      pruning.unlock();
    }
  }

  private record Key(long appId, String nonce) {}

  private record Entry(Key key, long expiry) {}
}
