package dev.zimclient.client.internal.call;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.zimclient.client.internal.limit.ActionLimiters;
import dev.zimclient.client.internal.limit.PermitGate;
import dev.zimclient.client.internal.response.ResponseReader;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/** What the calls of every action of one client share. */
public final class CallRuntime {
  final OkHttpClient http;
  final ScheduledExecutorService scheduler;
  final CallSettings settings;
  final ResponseReader reader;
  final ActionLimiters limiters;
  final CallListeners listeners;
  final PermitGate gate;
  final CallTracker tracker = new CallTracker();
  private final FailsafeExecutor<Object> retries;
  private final FailsafeExecutor<Object> asyncRetries;
  private final FailsafeExecutor<Object> resendSafeRetries;
  private final FailsafeExecutor<Object> asyncResendSafeRetries;

  public CallRuntime(OkHttpClient http, ScheduledExecutorService scheduler, CallSettings settings, ResponseReader reader,
      ActionLimiters limiters, CallListeners listeners) {
    this.http = http;
    this.scheduler = scheduler;
    this.settings = settings;
    this.reader = reader;
    this.limiters = limiters;
    this.listeners = listeners;
    this.gate = new PermitGate(settings.maxRateLimitWait().toNanos(), scheduler);
    this.retries = Failsafe.with(RetryPolicies.create(settings, true));
    this.resendSafeRetries = Failsafe.with(RetryPolicies.create(settings, false));
    // Backoffs of async calls wait on the scheduler, never on a parked thread.
    this.asyncRetries = retries.with(scheduler);
    this.asyncResendSafeRetries = resendSafeRetries.with(scheduler);
  }

  /** The retries of an action's calls, by whether the action may run twice. */
  @SuppressWarnings("unchecked")
  <T> FailsafeExecutor<T> retries(boolean idempotent, boolean async) {
    FailsafeExecutor<Object> executor = idempotent
        ? (async ? asyncRetries : retries)
        : (async ? asyncResendSafeRetries : resendSafeRetries);
    return (FailsafeExecutor<T>) executor;
  }

  /** Ends every call still running with a typed failure and refuses new ones. */
  public void close() {
    tracker.close();
  }
}
