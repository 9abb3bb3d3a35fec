package dev.zimclient.client;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A leaky bucket with exact spacing: consecutive permits are at least one interval apart, so any
 * window of {@code n} intervals holds at most {@code n} permits. Failsafe's smooth limiter aligns
 * permits to a fixed grid instead, which lets the first permit after an idle spell and the next
 * one fall a fraction of an interval apart: one request too many for a server's one-second window.
 */
final class SmoothRateLimiter implements ZimRateLimiter {
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong nextFreeNanos;

  SmoothRateLimiter(long intervalNanos, LongSupplier nanoTime) {
    this.intervalNanos = intervalNanos;
    this.nanoTime = nanoTime;
    this.nextFreeNanos = new AtomicLong(nanoTime.getAsLong() - intervalNanos);
  }

  @Override
  public long reservePermit(long maxWaitNanos) {
    while (true) {
      long now = nanoTime.getAsLong();
      long nextFree = nextFreeNanos.get();
      long permitAt = Math.max(now, nextFree);
      long wait = permitAt - now;
      if (wait > maxWaitNanos) {
        return -1;
      }
      if (nextFreeNanos.compareAndSet(nextFree, permitAt + intervalNanos)) {
        return wait;
      }
    }
  }
}
