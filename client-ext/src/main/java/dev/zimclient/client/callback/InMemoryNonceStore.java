package dev.zimclient.client.callback;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.LongSupplier;

/**
 * {@link ZimCallbackNonceStore#inMemory(int)}: claims in arrival order, bounded, timed with a
 * monotonic clock so that a change of the wall clock neither ends nor prolongs a claim.
 */
final class InMemoryNonceStore implements ZimCallbackNonceStore {
  private final int capacity;
  private final LongSupplier nanoTime;
  /** Key to the {@code nanoTime} its claim runs out at. */
  private final LinkedHashMap<String, Long> claims = new LinkedHashMap<>();

  InMemoryNonceStore(int capacity, LongSupplier nanoTime) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized boolean claim(String key, Duration ttl) {
    long now = nanoTime.getAsLong();
    Long until = claims.get(key);
    if (until != null && until - now > 0) {
      return false;
    }
    claims.remove(key);
    if (claims.size() >= capacity) {
      claims.values().removeIf(end -> end - now <= 0);
    }
    if (claims.size() >= capacity) {
      Iterator<String> oldest = claims.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    claims.put(key, now + Math.max(0, ttl.toNanos()));
    return true;
  }

  @Override
  public synchronized void release(String key) {
    claims.remove(key);
  }

  @Override
  public String toString() {
    return "InMemoryNonceStore[capacity=" + capacity + "]";
  }
}
