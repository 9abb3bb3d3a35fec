package dev.zimclient.client.error;

import java.time.Duration;

/**
 * The call's overall deadline passed, counting rate-limit waits, every attempt and every backoff.
 * The cause is the last attempt's failure, if there was one.
 */
public final class ZimDeadlineExceededException extends ZimException {
  private static final long serialVersionUID = 1L;

  private final Duration deadline;
  private final int attempts;

  public ZimDeadlineExceededException(String action, Duration deadline, int attempts, Throwable lastFailure) {
    super(action, action + ": deadline of " + deadline.toMillis() + " ms exceeded after " + attempts + " attempt(s)", false, lastFailure);
    this.deadline = deadline;
    this.attempts = attempts;
  }

  /** The deadline that passed. */
  public Duration deadline() {
    return deadline;
  }

  /** Attempts sent before the deadline passed. */
  public int attempts() {
    return attempts;
  }
}
