package dev.zimclient.redis;

import dev.zimclient.client.limit.ZimActionLimit;
import dev.zimclient.client.limit.ZimRate;
import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.client.limit.ZimRateLimiters;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * One budget's pacing in this process alone, at a share of its limit, for while Redis is out of
 * reach; and what it takes to hand over in both directions without a burst.
 *
 * <p>Into an outage: permits Redis granted before it went away are still to be sent, up to the
 * furthest one this process holds. The local limiter first reserves that stretch for itself, so
 * that its own permits follow those rather than fall among them.
 *
 * <p>Out of an outage: this process's local permits are still to be sent, and other processes may
 * not have seen Redis return yet and still pace locally. For a grace period (the later of this
 * process's furthest local permit and two probe intervals, by when every process has asked Redis
 * again) each call takes a local permit first and asks Redis for its slot once that permit is due.
 */
final class LocalFallback {
  private final ZimRateLimiter local;
  /** The local limiter's spacing for a paced limit; 0 for a cap over a long period, which is not primed. */
  private final long intervalNanos;
  private final long minGraceNanos;
  private final LongSupplier nanoTime;
  /** The furthest permit the local limiter granted, in {@code nanoTime}; guarded by this. */
  private long furthestLocal;
  /** The outage the local limiter was last primed for; guarded by this. */
  private int primedFor;
  /** Whether calls went local since Redis last granted one; guarded by this. */
  private boolean inUse;
  private long graceUntil;

  LocalFallback(ZimActionLimit limit, double share, double utilization, long minGraceNanos, LongSupplier nanoTime) {
    ZimRate rate = shareOf(limit, share);
    this.local = ZimRateLimiters.smooth(utilization).create(limit.withRate(rate));
    this.intervalNanos = SharedLimiter.isPaced(rate.period())
        ? (long) Math.ceil(rate.period().toNanos() / (rate.permits() * utilization))
        : 0;
    this.minGraceNanos = minGraceNanos;
    this.nanoTime = nanoTime;
    this.furthestLocal = nanoTime.getAsLong();
    this.graceUntil = furthestLocal;
  }

  /**
   * {@code share} of a rate: whole permits per the same period when that leaves at least one, else
   * one permit per period stretched so that the rate is the share (20/s at 0.01 is 1 per 5 s).
   */
  static ZimRate shareOf(ZimActionLimit limit, double share) {
    double permits = limit.permits() * share;
    if (permits >= 1) {
      return new ZimRate((int) Math.floor(permits), limit.period());
    }
    return new ZimRate(1, Duration.ofNanos((long) Math.ceil(limit.period().toNanos() / permits)));
  }

  /** Calls go local from now on, in outage number {@code outage}; {@code drainUntil}: the furthest Redis permit held. */
  synchronized void enter(int outage, long drainUntil) {
    inUse = true;
    if (primedFor == outage) {
      return;
    }
    primedFor = outage;
    long drain = drainUntil - nanoTime.getAsLong();
    if (intervalNanos > 0 && drain > 0) {
      int slots = (int) Math.min(Integer.MAX_VALUE, (drain + intervalNanos - 1) / intervalNanos);
      local.reservePermits(slots, Long.MAX_VALUE);
    }
  }

  CompletableFuture<Long> reserve(int permits, long maxWaitNanos) {
    return local.reservePermitsAsync(permits, maxWaitNanos).thenApply(wait -> {
      if (wait >= 0) {
        granted(nanoTime.getAsLong() + wait);
      }
      return wait;
    });
  }

  private synchronized void granted(long at) {
    furthestLocal = Math.max(furthestLocal, at);
  }

  /** Whether Redis is answering but calls must still take a local permit first. */
  synchronized boolean inGrace() {
    long now = nanoTime.getAsLong();
    if (inUse) {
      inUse = false;
      graceUntil = Math.max(furthestLocal, now + minGraceNanos);
    }
    return now - graceUntil < 0;
  }

  /** Whether the local limiter paces sends now, so its claim counts. */
  synchronized boolean pacing() {
    return inUse || nanoTime.getAsLong() - graceUntil < 0;
  }

  long claimSend() {
    return local.claimSend();
  }
}
