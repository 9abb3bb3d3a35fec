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
   * Reserves {@code permits} permits for one request, all or none, for limits counted in items
   * (20 messages a second, say). The default reserves them one by one, which is right only for
   * limiters that cannot refuse once they granted a first; override it to reserve them at once.
   *
   * @return nanoseconds the caller must wait before sending, or a negative value when they cannot
   *     be had within {@code maxWaitNanos}
   */
  default long reservePermits(int permits, long maxWaitNanos) {
    long wait = 0;
    for (int i = 0; i < permits; i++) {
      long each = reservePermit(maxWaitNanos);
      if (each < 0) {
        return -1;
      }
      wait = Math.max(wait, each);
    }
    return wait;
  }

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
