package dev.zimclient.client.limit;

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

  /**
   * Called once the caller has waited what {@link #reservePermit} asked for, just before it sends.
   * Returns 0 to send now (the send is then counted), or nanoseconds to wait before asking again.
   * The default always returns 0.
   */
  default long claimSend() {
    return 0;
  }

  /** Makes a limiter for each action; called once per action and client. */
  interface Factory {
    ZimRateLimiter create(ZimActionLimit limit);
  }
}
