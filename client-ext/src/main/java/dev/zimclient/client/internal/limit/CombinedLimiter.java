package dev.zimclient.client.internal.limit;

import dev.zimclient.client.limit.ZimRateLimiter;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One call's permits across several limiters, or several permits of one: the call may go once
 * every limiter lets it. When one refuses, permits already reserved from the others (shorter
 * windows come first) stay spent, which errs on the side of sending less.
 *
 * <p>Made for one call, whose attempts reserve one after the other: it remembers when each limiter
 * said its permits would be free, so that each is told its own lateness at the claim, not the
 * call's (a limiter that granted at once is late by however long another one made the call wait).
 */
public final class CombinedLimiter implements ZimRateLimiter {
  private final List<ZimRateLimiter> limiters;
  private final List<Integer> permits;
  /** When each limiter's permits are due, in {@link System#nanoTime()}; guarded by this. */
  private final long[] dueAt;

  /** @param permits how many permits the call takes from the limiter at the same index */
  public CombinedLimiter(List<ZimRateLimiter> limiters, List<Integer> permits) {
    this.limiters = List.copyOf(limiters);
    this.permits = List.copyOf(permits);
    this.dueAt = new long[limiters.size()];
  }

  @Override
  public long reservePermit(long maxWaitNanos) {
    long wait = 0;
    for (int i = 0; i < limiters.size(); i++) {
      long each = limiters.get(i).reservePermits(permits.get(i), maxWaitNanos);
      if (each < 0) {
        return -1;
      }
      due(i, each);
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

  /** Reserves from each limiter in turn, the call's own permits whatever {@code ignored} says. */
  @Override
  public CompletableFuture<Long> reservePermitsAsync(int ignored, long maxWaitNanos) {
    return reserveFrom(0, 0, maxWaitNanos);
  }

  private CompletableFuture<Long> reserveFrom(int index, long wait, long maxWaitNanos) {
    if (index == limiters.size()) {
      return CompletableFuture.completedFuture(wait);
    }
    return limiters.get(index).reservePermitsAsync(permits.get(index), maxWaitNanos).thenCompose(each -> {
      if (each < 0) {
        return CompletableFuture.completedFuture(-1L);
      }
      due(index, each);
      return reserveFrom(index + 1, Math.max(wait, each), maxWaitNanos);
    });
  }

  /** Claims from each limiter in turn, each told how late it is by its own time. */
  @Override
  public CompletableFuture<Long> claimSendAsync(int ignored, long latenessNanos) {
    return claimFrom(0, 0);
  }

  private CompletableFuture<Long> claimFrom(int index, long wait) {
    if (index == limiters.size()) {
      return CompletableFuture.completedFuture(wait);
    }
    long lateness = Math.max(0, System.nanoTime() - dueAt(index));
    return limiters.get(index).claimSendAsync(permits.get(index), lateness).thenCompose(more -> {
      if (more > 0) {
        due(index, more);
      }
      return claimFrom(index + 1, Math.max(wait, more));
    });
  }

  private synchronized void due(int index, long waitNanos) {
    dueAt[index] = System.nanoTime() + waitNanos;
  }

  private synchronized long dueAt(int index) {
    return dueAt[index];
  }
}
