package dev.zimclient.client.limit;

import java.util.Arrays;
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
  /** The last sends' times, oldest at {@code oldestSend}; guarded by this. */
  private final long[] recentSends;
  private final long sendSpanNanos;
  private int oldestSend;

  SmoothRateLimiter(long intervalNanos, LongSupplier nanoTime) {
    this(intervalNanos, 1, nanoTime);
  }

  /**
   * @param sendWindow how many sends {@link #claimSend} looks back over: any {@code sendWindow + 1}
   *     consecutive sends span at least {@code sendWindow} intervals
   */
  SmoothRateLimiter(long intervalNanos, int sendWindow, LongSupplier nanoTime) {
    this.intervalNanos = intervalNanos;
    this.nanoTime = nanoTime;
    this.nextFreeNanos = new AtomicLong(nanoTime.getAsLong() - intervalNanos);
    this.sendSpanNanos = sendWindow * intervalNanos;
    this.recentSends = new long[sendWindow];
    Arrays.fill(recentSends, nanoTime.getAsLong() - sendSpanNanos);
  }

  @Override
  public long reservePermit(long maxWaitNanos) {
    return reservePermits(1, maxWaitNanos);
  }

  /** Reserves consecutive slots; the request goes at the last one's time. */
  @Override
  public long reservePermits(int permits, long maxWaitNanos) {
    while (true) {
      long now = nanoTime.getAsLong();
      long nextFree = nextFreeNanos.get();
      long lastAt = Math.max(now, nextFree) + (permits - 1) * intervalNanos;
      long wait = lastAt - now;
      if (wait > maxWaitNanos) {
        return -1;
      }
      if (nextFreeNanos.compareAndSet(nextFree, lastAt + intervalNanos)) {
        return wait;
      }
    }
  }

  /**
   * Keeps the sends themselves apart, not only the reserved slots: a thread that wakes late from
   * its wait (a busy machine is late by tens of milliseconds) would otherwise send right behind
   * the next ones, and a fixed one-second window then sees one request too many. Holding a send
   * only when the window's worth of sends before it began too recently, rather than whenever the
   * previous send was, lets the others keep their slots, so the rate holds.
   */
  @Override
  public synchronized long claimSend() {
    long now = nanoTime.getAsLong();
    long wait = recentSends[oldestSend] + sendSpanNanos - now;
    if (wait > 0) {
      return wait;
    }
    recentSends[oldestSend] = now;
    oldestSend = (oldestSend + 1) % recentSends.length;
    return 0;
  }
}
