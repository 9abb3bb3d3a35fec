package dev.zimclient.redis;

import dev.zimclient.client.limit.ZimRateLimiter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One budget (AppId, action, window, and the room or group for a keyed limit) kept in a Redis
 * bucket that every process of the AppId shares.
 *
 * <p>A paced limit (one second or shorter) is a bucket of one permit refilled every interval, so
 * that Redis hands out slots one interval apart across all processes, and a caller that comes back
 * more than {@code lateNanos} after its slot takes a new one instead of sending into a slot another
 * process holds. A cap over a long period (100 a day) is a bucket of the period's permits renewed
 * at each period boundary, as a fixed-window server counts them.
 *
 * <p>Bucket4j's Lettuce integration reads the bucket and writes it back with a compare-and-swap
 * script: two Redis round trips per reservation, and a retry of both when another writer came in
 * between. The reservations of this process therefore go to Redis one at a time, queued without a
 * thread; otherwise a bulk run's dozens of calls would retry each other into the timeout.
 */
final class SharedLimiter implements ZimRateLimiter {
  private static final Duration PACED_PERIOD = Duration.ofSeconds(1);
  /** What a caller too late for its slot may wait for a new one; the call's deadline cuts it shorter. */
  private static final long NEW_SLOT_MAX_WAIT_NANOS = TimeUnit.MINUTES.toNanos(10);
  /** Answered at a claim that cannot be had: longer than any deadline, so the call ends unsent. */
  private static final long NEVER = TimeUnit.DAYS.toNanos(1);

  private final String action;
  private final AsyncBucketProxy bucket;
  private final long lateNanos;
  private final RedisHealth health;
  private final String address;
  /** Null under the fail policy. */
  private final LocalFallback fallback;
  private final LongSupplier nanoTime;
  /** The furthest slot Redis granted this process, in {@code nanoTime}. */
  private final AtomicLong furthestShared;
  /** The last reservation queued; the next one goes to Redis once it is done. Guarded by this. */
  private CompletableFuture<Long> queue = CompletableFuture.completedFuture(0L);

  SharedLimiter(String action, AsyncBucketProxy bucket, long lateNanos, RedisHealth health, String address,
      LocalFallback fallback, LongSupplier nanoTime) {
    this.action = action;
    this.bucket = bucket;
    this.lateNanos = lateNanos;
    this.health = health;
    this.address = address;
    this.fallback = fallback;
    this.nanoTime = nanoTime;
    this.furthestShared = new AtomicLong(nanoTime.getAsLong());
  }

  static boolean isPaced(Duration period) {
    return period.compareTo(PACED_PERIOD) <= 0;
  }

  @Override
  public long reservePermit(long maxWaitNanos) {
    return join(reservePermitsAsync(1, maxWaitNanos));
  }

  @Override
  public long reservePermits(int permits, long maxWaitNanos) {
    return join(reservePermitsAsync(permits, maxWaitNanos));
  }

  @Override
  public long claimSend() {
    return join(claimSendAsync(1, 0));
  }

  @Override
  public CompletableFuture<Long> reservePermitsAsync(int permits, long maxWaitNanos) {
    if (fallback != null && !health.isDown() && fallback.inGrace()) {
      // The local permit first, then Redis's slot from when it is due (see LocalFallback).
      return fallback.reserve(permits, maxWaitNanos).thenCompose(localWait -> localWait < 0
          ? CompletableFuture.completedFuture(-1L)
          : CompletableFuture.supplyAsync(() -> inTurn(permits, maxWaitNanos - localWait), after(localWait))
              .thenCompose(wait -> wait));
    }
    return inTurn(permits, maxWaitNanos);
  }

  /** A reservation queued behind this process's others; Redis is asked only if it still answers. */
  private CompletableFuture<Long> inTurn(int permits, long maxWaitNanos) {
    CompletableFuture<Long> reserved;
    synchronized (this) {
      reserved = queue.handle((previous, failure) -> null).thenCompose(ignored -> health.shouldAsk()
          ? shared(permits, maxWaitNanos)
          : outage(permits, maxWaitNanos, null));
      queue = reserved;
    }
    return reserved;
  }

  /** A permit from Redis, or, when Redis fails to answer, what the outage policy gives. */
  private CompletableFuture<Long> shared(int permits, long maxWaitNanos) {
    return ask(permits, maxWaitNanos).handle((wait, failure) -> {
      if (failure != null) {
        health.failed(failure);
        return outage(permits, maxWaitNanos, failure);
      }
      health.answered();
      if (wait >= 0) {
        furthestShared.accumulateAndGet(nanoTime.getAsLong() + wait, Math::max);
      }
      return CompletableFuture.completedFuture(wait);
    }).thenCompose(wait -> wait);
  }

  private CompletableFuture<Long> ask(int permits, long maxWaitNanos) {
    if (maxWaitNanos <= 0) {
      return bucket.tryConsume(permits).thenApply(granted -> granted ? 0L : -1L);
    }
    CompletableFuture<Long> wait = new CompletableFuture<>();
    bucket.asScheduler().tryConsume(permits, maxWaitNanos, new DelayCapture(wait)).whenComplete((granted, failure) -> {
      if (failure != null) {
        wait.completeExceptionally(failure);
      } else {
        wait.complete(granted ? 0L : -1L); // no effect when DelayCapture already passed on a wait
      }
    });
    return wait;
  }

  private CompletableFuture<Long> outage(int permits, long maxWaitNanos, Throwable cause) {
    if (fallback == null) {
      return CompletableFuture.failedFuture(new ZimRedisUnavailableException(action, address, cause));
    }
    fallback.enter(health.outage(), furthestShared.get());
    return fallback.reserve(permits, maxWaitNanos);
  }

  /**
   * A send the local limiter paces claims there too. A caller too late for the slot Redis named
   * takes a new one, so that the slots of other processes stay theirs.
   */
  @Override
  public CompletableFuture<Long> claimSendAsync(int permits, long latenessNanos) {
    if (fallback != null && fallback.pacing()) {
      long hold = fallback.claimSend();
      if (hold > 0) {
        return CompletableFuture.completedFuture(hold);
      }
    }
    if (latenessNanos <= lateNanos || health.isDown()) {
      return CompletableFuture.completedFuture(0L);
    }
    return reservePermitsAsync(permits, NEW_SLOT_MAX_WAIT_NANOS).thenApply(wait -> wait < 0 ? NEVER : wait);
  }

  private static Executor after(long nanos) {
    return CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS);
  }

  private static long join(CompletableFuture<Long> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new CompletionException(e.getCause());
    }
  }
}
