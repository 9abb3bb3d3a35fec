package dev.zimclient.client.error;

import java.time.Duration;

/** No rate-limit permit was available within the allowed wait; nothing was sent. */
public final class ZimRateLimitExceededException extends ZimException {
  private static final long serialVersionUID = 1L;

  private final Duration maxWait;

  public ZimRateLimitExceededException(String action, Duration maxWait) {
    super(action, action + ": no rate-limit permit within " + maxWait.toMillis() + " ms; nothing was sent", false, null);
    this.maxWait = maxWait;
  }

  /** The longest the call was allowed to wait for a permit. */
  public Duration maxWait() {
    return maxWait;
  }
}
