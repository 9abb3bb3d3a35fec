package dev.zimclient.client.internal.call;

import dev.failsafe.ExecutionContext;
import java.time.Duration;

/**
 * Where one attempt stands within its call, read from Failsafe's execution: attempts made before
 * it, the last one's failure, and what is left of the call's deadline.
 *
 * @param number the attempt's number, 1 for the first, taken when it began: Failsafe counts a
 *     cancelled async attempt as made while its failure is still being reported
 */
record Attempt(ExecutionContext<?> execution, Duration deadline, int number) {
  Attempt(ExecutionContext<?> execution, Duration deadline) {
    this(execution, deadline, execution.getAttemptCount() + 1);
  }

  /** Attempts made before this one. */
  int previous() {
    return execution.getAttemptCount();
  }

  /** The previous attempt's failure; null before the first. */
  Throwable lastFailure() {
    return execution.getLastException();
  }

  long remainingNanos() {
    return deadline.toNanos() - execution.getElapsedTime().toNanos();
  }
}
