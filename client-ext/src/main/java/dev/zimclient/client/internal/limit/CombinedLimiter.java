package dev.zimclient.client.internal.limit;

import dev.zimclient.client.limit.ZimRateLimiter;
import java.util.List;

/**
 * One call's permits across several limiters, or several permits of one: the call may go once
 * every limiter lets it. When one refuses, permits already reserved from the others (shorter
 * windows come first) stay spent, which errs on the side of sending less.
 */
public final class CombinedLimiter implements ZimRateLimiter {
  private final List<ZimRateLimiter> limiters;
  private final List<Integer> permits;

  /** @param permits how many permits the call takes from the limiter at the same index */
  public CombinedLimiter(List<ZimRateLimiter> limiters, List<Integer> permits) {
    this.limiters = List.copyOf(limiters);
    this.permits = List.copyOf(permits);
  }

  @Override
  public long reservePermit(long maxWaitNanos) {
    long wait = 0;
    for (int i = 0; i < limiters.size(); i++) {
      long each = limiters.get(i).reservePermits(permits.get(i), maxWaitNanos);
      if (each < 0) {
        return -1;
      }
      wait = Math.max(wait, each);
    }
    return wait;
  }

  @Override
  public long claimSend() {
    long wait = 0;
    for (ZimRateLimiter limiter : limiters) {
      wait = Math.max(wait, limiter.claimSend());
    }
    return wait;
  }
}
