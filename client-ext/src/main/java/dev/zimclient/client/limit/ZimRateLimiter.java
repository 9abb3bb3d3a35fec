package dev.zimclient.client.limit;

import java.util.concurrent.CompletableFuture;

/**
 * Paces one budget of an action's requests. The default keeps permits in this process; a limiter
 * shared by several processes (e.g. backed by Redis) can replace it through {@link Factory}.
 *
 * <p>The client asks in two steps: it reserves a permit ({@link #reservePermitsAsync}), waits what
 * the answer says, then claims the send ({@link #claimSendAsync}) and sends at once when the claim
 * answers 0. A limiter whose store is out of reach may fail either future with a
 * {@code ZimException}: the call then fails with it, and nothing is sent.
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

  /**
   * The form of {@link #reservePermits} the client calls. A limiter that asks a store over the
   * network completes the future when the store has answered, so that no thread waits on the
   * round trip of an async call; the value means what {@link #reservePermits} returns. The
   * default answers at once from {@link #reservePermit} or {@link #reservePermits}.
   */
  default CompletableFuture<Long> reservePermitsAsync(int permits, long maxWaitNanos) {
    try {
      return CompletableFuture.completedFuture(permits == 1 ? reservePermit(maxWaitNanos)
          : reservePermits(permits, maxWaitNanos));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * The form of {@link #claimSend} the client calls, told how many permits the caller reserved and
   * how long after the time this limiter named it came back ({@code latenessNanos}, 0 when on
   * time). A limiter shared by processes cannot hold back the other processes' sends, so a caller
   * woken too late would send into a slot another process was given: such a limiter may reserve a
   * new slot here and answer the wait for it. The default answers at once from
   * {@link #claimSend()}.
   */
  default CompletableFuture<Long> claimSendAsync(int permits, long latenessNanos) {
    try {
      return CompletableFuture.completedFuture(claimSend());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Makes the limiters of a client: one per action for an app-wide limit, one per value of the key
   * parameter (each room, each group) for a limit the spec keeps per room or group, each told its
   * budget's AppId and key in the {@link ZimActionLimit}.
   */
  interface Factory {
    ZimRateLimiter create(ZimActionLimit limit);
  }
}
