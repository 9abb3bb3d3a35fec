package dev.zimclient.client.limit;

import dev.failsafe.RateLimiter;
import java.time.Duration;

/** Ready-made {@link ZimRateLimiter.Factory} implementations. */
public final class ZimRateLimiters {
  /** Default share of the declared rate that the smooth limiter uses. */
  public static final double DEFAULT_UTILIZATION = 0.98;
  /** Sends a smooth limiter remembers; limits of more permits per period are checked over this many. */
  private static final int MAX_SEND_WINDOW = 64;
  /** Limits over at most this period are paced; longer ones cap a total. */
  private static final Duration PACED_PERIOD = Duration.ofSeconds(1);

  private ZimRateLimiters() {}

  /**
   * Spaces requests evenly at {@code utilization} times the declared rate, never closer than one
   * interval. Staying a little under the rate keeps network jitter from pushing one request too
   * many into a server's one-second window. A limit over a longer period (100 a day, say) caps a
   * total instead: its permits go as soon as a sliding window of that period allows.
   */
  public static ZimRateLimiter.Factory smooth(double utilization) {
    checkUtilization(utilization);
    return limit -> limit.period().compareTo(PACED_PERIOD) > 0
        ? new WindowRateLimiter(limit.permits(), limit.period().toNanos(), System::nanoTime)
        : new SmoothRateLimiter(intervalNanos(limit, utilization), Math.min(limit.permits(), MAX_SEND_WINDOW),
            System::nanoTime);
  }

  /**
   * Failsafe's smooth limiter at {@code utilization} times the declared rate. Its permits follow
   * a fixed grid, so two can fall close together after an idle spell; see {@link #smooth(double)}.
   */
  public static ZimRateLimiter.Factory failsafeSmooth(double utilization) {
    checkUtilization(utilization);
    return limit -> {
      RateLimiter<Object> limiter = RateLimiter.smoothBuilder(Duration.ofNanos(intervalNanos(limit, utilization))).build();
      return maxWaitNanos -> limiter.tryReservePermit(Duration.ofNanos(maxWaitNanos)).toNanos();
    };
  }

  /** Failsafe's bursty limiter: all permits of a period at once, fixed windows. */
  public static ZimRateLimiter.Factory bursty() {
    return limit -> {
      RateLimiter<Object> limiter = RateLimiter.burstyBuilder(limit.permits(), limit.period()).build();
      return maxWaitNanos -> limiter.tryReservePermit(Duration.ofNanos(maxWaitNanos)).toNanos();
    };
  }

  private static void checkUtilization(double utilization) {
    if (!(utilization > 0 && utilization <= 1)) {
      throw new IllegalArgumentException("utilization must be in (0, 1]: " + utilization);
    }
  }

  private static long intervalNanos(ZimActionLimit limit, double utilization) {
    return (long) Math.ceil(limit.period().toNanos() / (limit.permits() * utilization));
  }

  /** No pacing at all; for tests and benchmarks against a server without limits. */
  public static ZimRateLimiter.Factory unlimited() {
    return limit -> maxWaitNanos -> 0L;
  }
}
