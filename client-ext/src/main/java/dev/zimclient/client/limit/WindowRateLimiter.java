package dev.zimclient.client.limit;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * At most {@code permits} sends in any sliding window of {@code period}, sent as soon as the window
 * allows: for long windows such as 100 a day, which cap a total rather than pace each request.
 */
final class WindowRateLimiter implements ZimRateLimiter {
  private final int permits;
  private final long periodNanos;
  private final LongSupplier nanoTime;
  /** The times of the permits reserved within the last period, oldest first; guarded by this. */
  private final ArrayDeque<Long> reserved = new ArrayDeque<>();

  WindowRateLimiter(int permits, long periodNanos, LongSupplier nanoTime) {
    this.permits = permits;
    this.periodNanos = periodNanos;
    this.nanoTime = nanoTime;
  }

  @Override
  public long reservePermit(long maxWaitNanos) {
    return reservePermits(1, maxWaitNanos);
  }

  /** The request goes once {@code count} of the window's permits are free at the same time. */
  @Override
  public synchronized long reservePermits(int count, long maxWaitNanos) {
    if (count > permits) {
      return -1;
    }
    long now = nanoTime.getAsLong();
    while (!reserved.isEmpty() && reserved.peekFirst() + periodNanos <= now) {
      reserved.pollFirst();
    }
    // Free once the (size - permits + count)-th oldest reservation has left the window.
    int mustLeave = reserved.size() + count - permits;
    long at = now;
    if (mustLeave > 0) {
      at = reserved.stream().skip(mustLeave - 1).findFirst().orElseThrow() + periodNanos;
    }
    long wait = at - now;
    if (wait > maxWaitNanos) {
      return -1;
    }
    for (int i = 0; i < count; i++) {
      reserved.addLast(at);
    }
    return wait;
  }
}
