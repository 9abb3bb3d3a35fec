package dev.zimclient.client.internal.call;

import dev.failsafe.ExecutionContext;
import dev.failsafe.RetryPolicy;
import dev.zimclient.client.error.ZimException;
import dev.zimclient.client.error.ZimThrottledException;
import dev.zimclient.client.error.ZimTransportException;
import dev.zimclient.client.internal.response.ClockSkew;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The retry policy every call of a client shares: retries only failures that say they are
 * retryable, with exponential backoff and jitter, never beyond the attempt bound or the deadline.
 */
final class RetryPolicies {
  private static final long WHOLE_MILLI_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private RetryPolicies() {}

  /**
   * @param idempotent whether the actions it serves may run twice; if not, only failures that
   *     surely left the server untouched are retried: a throttling or clock-skew answer, or a
   *     request that never left (the classifier reports any other as outcome unknown)
   */
  static RetryPolicy<Object> create(CallSettings settings, boolean idempotent) {
    return RetryPolicy.builder()
        .handleIf(failure -> idempotent ? isRetryable(failure) : isSafeToResend(failure))
        .withMaxAttempts(settings.maxAttempts())
        .withDelayFn(context -> delay(settings, context))
        .build();
  }

  static boolean isRetryable(Throwable failure) {
    return failure instanceof ZimException zim && zim.isRetryable();
  }

  private static boolean isSafeToResend(Throwable failure) {
    return isRetryable(failure)
        && (failure instanceof ZimThrottledException || failure instanceof ZimTransportException || ClockSkew.is(failure));
  }

  private static Duration delay(CallSettings settings, ExecutionContext<Object> context) {
    Throwable last = context.getLastException();
    if (ClockSkew.is(last)) {
      return Duration.ZERO; // Re-signing with the corrected clock needs no wait.
    }
    int retries = Math.max(0, context.getAttemptCount() - 1);
    long base = settings.initialBackoff().toNanos() << Math.min(retries, 20);
    long capped = Math.min(base, settings.maxBackoff().toNanos());
    if (last instanceof ZimThrottledException) {
      capped = Math.max(capped, settings.throttledBackoff().toNanos());
    }
    double spread = settings.jitter() * capped;
    long jittered = (long) (capped - spread + ThreadLocalRandom.current().nextDouble() * 2 * spread);
    long remaining = settings.deadline().toNanos() - context.getElapsedTime().toNanos();
    if (jittered + WHOLE_MILLI_NANOS < remaining) {
      return Duration.ofNanos(jittered);
    }
    // The deadline falls within this backoff: wake just after it, so that the next attempt reports
    // the deadline. Failsafe sleeps in whole milliseconds; waking at the deadline itself would send
    // one more request with a sub-millisecond timeout.
    return Duration.ofMillis(TimeUnit.NANOSECONDS.toMillis(Math.max(0, remaining)) + 1);
  }
}
