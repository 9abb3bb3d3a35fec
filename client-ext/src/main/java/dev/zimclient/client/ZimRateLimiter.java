package dev.zimclient.client;

/**
 * Paces one action's requests. The default keeps permits in this process; a limiter shared by
 * several processes (e.g. backed by Redis) can replace it through {@link Factory}.
 */
public interface ZimRateLimiter {
  /**
   * Reserves one permit.
   *
   * @param maxWaitNanos the longest the caller may wait for it
   * @return nanoseconds the caller must wait before sending, or a negative value when no permit
   *     can be had within {@code maxWaitNanos} (then nothing is reserved)
   */
  long reservePermit(long maxWaitNanos);

  /** Makes a limiter for each action; called once per action and client. */
  interface Factory {
    ZimRateLimiter create(ZimActionLimit limit);
  }
}
