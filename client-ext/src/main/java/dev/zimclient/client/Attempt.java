package dev.zimclient.client;

import dev.failsafe.ExecutionContext;

/**
 * Where one attempt stands within its call: attempts made before it, the last one's failure, and
 * the time since the call started, which the deadline counts from.
 *
 * <p>The first attempt runs outside Failsafe, which is entered only once it fails; the retries'
 * Failsafe context then replays that failure as its own first attempt, so counts and failures read
 * the same as if Failsafe had run every attempt.
 */
final class Attempt {
  private final long callStartNanos;
  private final ExecutionContext<?> retries;

  private Attempt(long callStartNanos, ExecutionContext<?> retries) {
    this.callStartNanos = callStartNanos;
    this.retries = retries;
  }

  static Attempt first(long callStartNanos) {
    return new Attempt(callStartNanos, null);
  }

  static Attempt retry(long callStartNanos, ExecutionContext<?> retries) {
    return new Attempt(callStartNanos, retries);
  }

  /** Attempts made before this one. */
  int count() {
    return retries == null ? 0 : retries.getAttemptCount();
  }

  /** The previous attempt's failure; none before the first. */
  Throwable lastFailure() {
    return retries == null ? null : retries.getLastException();
  }

  long elapsedNanos() {
    return System.nanoTime() - callStartNanos;
  }
}
