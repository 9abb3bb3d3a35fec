package dev.zimclient.client.internal.limit;

import dev.zimclient.client.limit.ZimRateLimiter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Lets one request through a limiter: reserves a permit, waits for it, then claims the send, telling
 * the limiter how late it came. The blocking form sleeps on the caller's thread; the async form
 * waits on the scheduler, and on the limiter's own futures, so no thread is parked for it. Both
 * give up when the permit lies beyond what the caller may wait; a limiter's failure (a shared
 * limiter whose store is out of reach) ends the wait with that failure, nothing sent.
 */
public final class PermitGate {
  /** How the wait for a permit ended. */
  public enum Outcome {
    /** The request may be sent now; the send is counted. */
    GRANTED,
    /** No permit within the rate-limit wait the client allows; nothing was reserved. */
    NO_PERMIT_IN_TIME,
    /** No permit before the call's deadline; nothing is sent. */
    DEADLINE,
    /** The call was abandoned (the client closed) while it waited. */
    ABANDONED
  }

  /** Permits one call takes from the limiter it is handed; a combined limiter knows its own. */
  private static final int ONE_CALL = 1;

  private final long maxWaitNanos;
  private final ScheduledExecutorService scheduler;

  public PermitGate(long maxWaitNanos, ScheduledExecutorService scheduler) {
    this.maxWaitNanos = maxWaitNanos;
    this.scheduler = scheduler;
  }

  /** Waits on this thread for a permit of {@code limiter}. */
  public Outcome await(ZimRateLimiter limiter, long remainingNanos, BooleanSupplier abandoned)
      throws InterruptedException {
    if (remainingNanos <= 0) {
      return refusal(remainingNanos);
    }
    long deadline = System.nanoTime() + remainingNanos;
    long wait = get(limiter.reservePermitsAsync(ONE_CALL, Math.min(maxWaitNanos, remainingNanos)));
    if (wait < 0) {
      return refusal(remainingNanos);
    }
    long dueAt = System.nanoTime() + wait;
    while (true) {
      TimeUnit.NANOSECONDS.sleep(dueAt - System.nanoTime());
      if (abandoned.getAsBoolean()) {
        return Outcome.ABANDONED;
      }
      long more = get(limiter.claimSendAsync(ONE_CALL, Math.max(0, System.nanoTime() - dueAt)));
      if (more <= 0) {
        return Outcome.GRANTED;
      }
      dueAt = System.nanoTime() + more;
      if (dueAt - deadline > 0) {
        return Outcome.DEADLINE;
      }
    }
  }

  /** Waits on the scheduler for a permit of {@code limiter}. */
  public CompletableFuture<Outcome> awaitAsync(ZimRateLimiter limiter, long remainingNanos, BooleanSupplier abandoned) {
    if (remainingNanos <= 0) {
      return CompletableFuture.completedFuture(refusal(remainingNanos));
    }
    long deadline = System.nanoTime() + remainingNanos;
    return limiter.reservePermitsAsync(ONE_CALL, Math.min(maxWaitNanos, remainingNanos)).thenCompose(wait -> {
      if (wait < 0) {
        return CompletableFuture.completedFuture(refusal(remainingNanos));
      }
      CompletableFuture<Outcome> granted = new CompletableFuture<>();
      claimAt(System.nanoTime() + wait, deadline, limiter, abandoned, granted);
      return granted;
    });
  }

  private void claimAt(long dueAt, long deadline, ZimRateLimiter limiter, BooleanSupplier abandoned,
      CompletableFuture<Outcome> granted) {
    Runnable claim = () -> {
      if (abandoned.getAsBoolean()) {
        granted.complete(Outcome.ABANDONED);
        return;
      }
      limiter.claimSendAsync(ONE_CALL, Math.max(0, System.nanoTime() - dueAt)).whenComplete((more, failure) -> {
        if (failure != null) {
          granted.completeExceptionally(unwrap(failure));
        } else if (more <= 0) {
          granted.complete(Outcome.GRANTED);
        } else if (System.nanoTime() + more - deadline > 0) {
          granted.complete(Outcome.DEADLINE);
        } else {
          claimAt(System.nanoTime() + more, deadline, limiter, abandoned, granted);
        }
      });
    };
    long waitNanos = dueAt - System.nanoTime();
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

  /** The value of a limiter's future; its own failure, not a wrapper, when it failed. */
  private static long get(CompletableFuture<Long> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e.getCause());
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("rate limiter failed", cause);
    }
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  private Outcome refusal(long remainingNanos) {
    return remainingNanos <= 0 || remainingNanos < maxWaitNanos ? Outcome.DEADLINE : Outcome.NO_PERMIT_IN_TIME;
  }
}
