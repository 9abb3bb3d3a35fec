package dev.zimclient.client.internal.limit;

import dev.zimclient.client.limit.ZimRateLimiter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Lets one request through a limiter: reserves a permit, waits for it, then claims the send. The
 * blocking form sleeps on the caller's thread; the async form waits on the scheduler, so no thread
 * is parked for it. Both give up when the permit lies beyond what the caller may wait.
 */
public final class PermitGate {
  /** How the wait for a permit ended. */
  public enum Outcome {
    /** The request may be sent now; the send is counted. */
    GRANTED,
    /** No permit within the rate-limit wait the client allows; nothing was reserved. */
    NO_PERMIT_IN_TIME,
    /** No permit before the call's deadline; nothing was reserved. */
    DEADLINE,
    /** The call was abandoned (the client closed) while it waited. */
    ABANDONED
  }

  private final long maxWaitNanos;
  private final ScheduledExecutorService scheduler;

  public PermitGate(long maxWaitNanos, ScheduledExecutorService scheduler) {
    this.maxWaitNanos = maxWaitNanos;
    this.scheduler = scheduler;
  }

  /** Waits on this thread for a permit of {@code limiter}. */
  public Outcome await(ZimRateLimiter limiter, long remainingNanos, BooleanSupplier abandoned)
      throws InterruptedException {
    long wait = reserve(limiter, remainingNanos);
    if (wait < 0) {
      return refusal(remainingNanos);
    }
    do {
      TimeUnit.NANOSECONDS.sleep(wait);
      if (abandoned.getAsBoolean()) {
        return Outcome.ABANDONED;
      }
      wait = limiter.claimSend();
    } while (wait > 0);
    return Outcome.GRANTED;
  }

  /** Waits on the scheduler for a permit of {@code limiter}. */
  public CompletableFuture<Outcome> awaitAsync(ZimRateLimiter limiter, long remainingNanos, BooleanSupplier abandoned) {
    long wait = reserve(limiter, remainingNanos);
    if (wait < 0) {
      return CompletableFuture.completedFuture(refusal(remainingNanos));
    }
    CompletableFuture<Outcome> granted = new CompletableFuture<>();
    claimAfter(wait, limiter, abandoned, granted);
    return granted;
  }

  private void claimAfter(long waitNanos, ZimRateLimiter limiter, BooleanSupplier abandoned,
      CompletableFuture<Outcome> granted) {
    Runnable claim = () -> {
      if (abandoned.getAsBoolean()) {
        granted.complete(Outcome.ABANDONED);
        return;
      }
      long more = limiter.claimSend();
      if (more > 0) {
        claimAfter(more, limiter, abandoned, granted);
      } else {
        granted.complete(Outcome.GRANTED);
      }
    };
    if (waitNanos <= 0) {
      claim.run();
      return;
    }
    try {
      scheduler.schedule(claim, waitNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      granted.complete(Outcome.ABANDONED); // the client closed its scheduler
    }
  }

  /** Nanoseconds to wait for the reserved permit, or -1 when none is to be had in time. */
  private long reserve(ZimRateLimiter limiter, long remainingNanos) {
    if (remainingNanos <= 0) {
      return -1;
    }
    return limiter.reservePermit(Math.min(maxWaitNanos, remainingNanos));
  }

  private Outcome refusal(long remainingNanos) {
    return remainingNanos <= 0 || remainingNanos < maxWaitNanos ? Outcome.DEADLINE : Outcome.NO_PERMIT_IN_TIME;
  }
}
