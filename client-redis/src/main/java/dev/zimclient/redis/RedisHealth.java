package dev.zimclient.redis;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis is answering, as the limiters of one connection saw it. An outage starts at the
 * first request that failed or ran out of time and is logged once, at WARN; while it lasts, one
 * request per probe interval still goes to Redis to learn whether it is back, and the others apply
 * the outage policy at once rather than each wait out the timeout. The first answer after an
 * outage ends it and is logged once, at INFO.
 */
final class RedisHealth {
  private static final Logger log = LoggerFactory.getLogger(RedisHealth.class);

  private final String address;
  private final String policyEffect;
  private final long probeIntervalNanos;
  private final LongSupplier nanoTime;
  /** Outages begun so far; odd while one lasts. Guarded by this for transitions. */
  private final AtomicInteger transitions = new AtomicInteger();
  private final AtomicLong nextProbeAt = new AtomicLong();
  private volatile long downSince;

  RedisHealth(String address, RedisOutagePolicy policy, long probeIntervalNanos, LongSupplier nanoTime) {
    this.address = address;
    this.policyEffect = policy.fails()
        ? "calls fail with ZimRedisUnavailableException and nothing is sent"
        : "each process paces calls on its own at " + Math.round(policy.share() * 100) + "% of each limit";
    this.probeIntervalNanos = probeIntervalNanos;
    this.nanoTime = nanoTime;
  }

  /** Whether a request should go to Redis now: always while it answers, once per probe interval while not. */
  boolean shouldAsk() {
    if (!isDown()) {
      return true;
    }
    long now = nanoTime.getAsLong();
    long next = nextProbeAt.get();
    return now - next >= 0 && nextProbeAt.compareAndSet(next, now + probeIntervalNanos);
  }

  boolean isDown() {
    return (transitions.get() & 1) == 1;
  }

  /** The number of the outage going on, or of the last one; 0 before any. */
  int outage() {
    return (transitions.get() + 1) / 2;
  }

  /** Redis answered. */
  void answered() {
    if (!isDown()) {
      return;
    }
    synchronized (this) {
      if (isDown()) {
        transitions.incrementAndGet();
        long seconds = TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - downSince);
        log.info("Redis at {} answers again after {} s; rate limits are shared again", address,
            String.format(java.util.Locale.ROOT, "%.1f", seconds / 1000.0));
      }
    }
  }

  /** A request to Redis failed or ran out of time. */
  void failed(Throwable cause) {
    long now = nanoTime.getAsLong();
    nextProbeAt.set(now + probeIntervalNanos);
    if (isDown()) {
      return;
    }
    synchronized (this) {
      if (!isDown()) {
        downSince = now;
        transitions.incrementAndGet();
        log.warn("Redis at {} is not answering ({}); until it does, {}", address, describe(cause), policyEffect);
      }
    }
  }

  private static String describe(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
