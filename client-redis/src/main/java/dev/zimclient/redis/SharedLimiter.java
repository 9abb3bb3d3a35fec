package dev.zimclient.redis;

import dev.zimclient.client.limit.ZimRateLimiter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * between. So this process asks Redis once at a time per budget, without a thread waiting, and for
 * a paced limit asks for every reservation queued meanwhile in one go: consecutive slots, handed
 * out in order. A bulk run's dozens of calls then cost a few round trips, not dozens of colliding
 * ones that retry each other into the timeout.
 */
final class SharedLimiter implements ZimRateLimiter {
  private static final Logger log = LoggerFactory.getLogger(SharedLimiter.class);
  private static final Duration PACED_PERIOD = Duration.ofSeconds(1);
  /** What a caller too late for its slot may wait for a new one; the call's deadline cuts it shorter. */
  private static final long NEW_SLOT_MAX_WAIT_NANOS = TimeUnit.MINUTES.toNanos(10);
  /** Answered at a claim that cannot be had: longer than any deadline, so the call ends unsent. */
  private static final long NEVER = TimeUnit.DAYS.toNanos(1);

  private final String action;
  private final AsyncBucketProxy bucket;
  /** The spacing of a paced limit's slots; 0 for a cap, whose reservations go one by one. */
  private final long intervalNanos;
  private final long lateNanos;
  private final RedisHealth health;
  private final String address;
  /** Null under the fail policy. */
  private final LocalFallback fallback;
  private final LongSupplier nanoTime;
  /** The furthest slot Redis granted this process, in {@code nanoTime}. */
  private final AtomicLong furthestShared;
  /** Reservations waiting for their turn to go to Redis; guarded by this. */
  private final ArrayDeque<Request> waiting = new ArrayDeque<>();
  /** Whether a request to Redis is under way; guarded by this. */
  private boolean asking;
  /** How many of the waiting reservations the next request takes, after one was refused; guarded by this. */
  private int nextBatch = Integer.MAX_VALUE;

  /** One caller's reservation. */
  private record Request(int permits, long maxWaitNanos, CompletableFuture<Long> result) {}

  SharedLimiter(String action, AsyncBucketProxy bucket, long intervalNanos, long lateNanos, RedisHealth health,
      String address, LocalFallback fallback, LongSupplier nanoTime) {
    this.action = action;
    this.bucket = bucket;
    this.intervalNanos = intervalNanos;
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

  /** A reservation queued behind this process's others for the same budget. */
  private CompletableFuture<Long> inTurn(int permits, long maxWaitNanos) {
    Request request = new Request(permits, maxWaitNanos, new CompletableFuture<>());
    synchronized (this) {
      waiting.add(request);
      if (asking) {
        return request.result();
      }
      asking = true;
    }
    askNext();
    return request.result();
  }

  /** Sends the next batch to Redis, or applies the outage policy to it; until none is waiting. */
  private void askNext() {
    while (true) {
      List<Request> batch = new ArrayList<>();
      synchronized (this) {
        int take = intervalNanos > 0 ? Math.min(nextBatch, waiting.size()) : Math.min(1, waiting.size());
        for (int i = 0; i < take; i++) {
          batch.add(waiting.poll());
        }
        nextBatch = Integer.MAX_VALUE;
        if (batch.isEmpty()) {
          asking = false;
          return;
        }
      }
      if (health.shouldAsk()) {
        ask(batch);
        return; // the answer asks for the next batch
      }
      batch.forEach(request -> relay(outage(request, null), request.result()));
    }
  }

  private void ask(List<Request> batch) {
    int permits = batch.stream().mapToInt(Request::permits).sum();
    long maxWait = batch.stream().mapToLong(Request::maxWaitNanos).max().orElseThrow();
    reserve(permits, maxWait).whenComplete((wait, failure) -> {
      try {
        if (failure != null) {
          health.failed(failure);
          batch.forEach(request -> relay(outage(request, failure), request.result()));
        } else {
          health.answered();
          share(batch, permits, wait);
        }
      } finally {
        askNext();
      }
    });
  }

  /**
   * Hands the slots of one reservation out in order: the last request's permits end at {@code wait},
   * each earlier one's {@code intervalNanos} per permit after it sooner.
   */
  private void share(List<Request> batch, int permits, long wait) {
    if (wait < 0 && batch.size() > 1) {
      // The whole batch lies beyond the wait; its first ones may not. Ask again for fewer.
      synchronized (this) {
        for (int i = batch.size() - 1; i >= 0; i--) {
          waiting.addFirst(batch.get(i));
        }
        nextBatch = batch.size() / 2;
      }
      return;
    }
    if (wait >= 0) {
      furthestShared.accumulateAndGet(nanoTime.getAsLong() + wait, Math::max);
    }
    int after = permits;
    for (Request request : batch) {
      after -= request.permits();
      long own = wait < 0 ? -1 : Math.max(0, wait - after * intervalNanos);
      request.result().complete(own > request.maxWaitNanos() ? -1L : own);
    }
  }

  private CompletableFuture<Long> reserve(int permits, long maxWaitNanos) {
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

  private CompletableFuture<Long> outage(Request request, Throwable cause) {
    if (fallback == null) {
      return CompletableFuture.failedFuture(new ZimRedisUnavailableException(action, address, cause));
    }
    fallback.enter(health.outage(), furthestShared.get());
    return fallback.reserve(request.permits(), request.maxWaitNanos());
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
    if (log.isDebugEnabled()) {
      log.debug("{}: {} ms late for its slot, takes a new one", action, TimeUnit.NANOSECONDS.toMillis(latenessNanos));
    }
    return reservePermitsAsync(permits, NEW_SLOT_MAX_WAIT_NANOS).thenApply(wait -> wait < 0 ? NEVER : wait);
  }

  private static void relay(CompletableFuture<Long> from, CompletableFuture<Long> to) {
    from.whenComplete((value, failure) -> {
      if (failure != null) {
        to.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure);
      } else {
        to.complete(value);
      }
    });
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
