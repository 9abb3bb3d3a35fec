package dev.zimclient.client.internal.call;

import dev.failsafe.ExecutionContext;
import dev.zimclient.client.internal.limit.ActionPacing;
import dev.zimclient.client.limit.ZimRateLimiter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import okhttp3.Request;
import retrofit2.Invocation;

/**
 * Runs the calls of one generated method, whose arguments were checked before Retrofit built the
 * request (see {@code ValidatingProxy}): picks the limiter the call's attempts take permits from, and lets Failsafe run every attempt under the
 * retry policy. The blocking and async forms share all of it but how they wait.
 *
 * <p>Order of the policies, outermost first: deadline (bounding every wait and attempt), retry,
 * rate limit (one permit per attempt, since each is a request on the wire), signing (in OkHttp's
 * network chain, per network attempt).
 */
final class ActionInvoker<T> {
  private final String action;
  private final ActionPacing pacing;
  private final boolean idempotent;
  private final CallRuntime runtime;
  private final FailureClassifier failures;
  private final AttemptRunner<T> attempts;
  /** How the method's calls are paced, read from the first call: Retrofit's adapter sees no Method. */
  private volatile CallPacing callPacing;

  ActionInvoker(String action, ActionPacing pacing, boolean idempotent, CallRuntime runtime,
      FailureClassifier failures, AttemptRunner<T> attempts) {
    this.action = action;
    this.pacing = pacing;
    this.idempotent = idempotent;
    this.runtime = runtime;
    this.failures = failures;
    this.attempts = attempts;
  }

  T call(Request request) {
    CallEvents events = runtime.listeners.start(action, idempotent, false);
    try {
      T value = callBlocking(request, events);
      events.callEnd(null);
      return value;
    } catch (RuntimeException | Error e) {
      events.callEnd(e);
      throw e;
    }
  }

  private T callBlocking(Request request, CallEvents events) {
    ZimRateLimiter limiter = prepare(request);
    PendingCall pending = new PendingCall(events);
    if (!runtime.tracker.started(pending)) {
      throw failures.closed(null);
    }
    try {
      return runtime.<T>retries(idempotent, false)
          .get(execution -> attempts.run(request, limiter, attemptOf(execution), pending));
    } finally {
      runtime.tracker.finished(pending);
    }
  }

  /** Ends the returned future with every failure; none is thrown. */
  CompletableFuture<T> callAsync(Request request) {
    CallEvents events = runtime.listeners.start(action, idempotent, true);
    ZimRateLimiter limiter;
    try {
      limiter = prepare(request);
    } catch (RuntimeException e) {
      events.callEnd(e);
      throw e;
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    PendingCall pending = new PendingCall(events);
    pending.onAbandon(() -> fail(result, events, failures.closed(null)));
    if (!runtime.tracker.started(pending)) {
      fail(result, events, failures.closed(null));
      return result;
    }
    CompletableFuture<T> execution = runtime.<T>retries(idempotent, true).getStageAsync(
        context -> attempts.runAsync(request, limiter, attemptOf(context), pending));
    execution.whenComplete((value, failure) -> {
      runtime.tracker.finished(pending);
      if (failure == null) {
        // Listeners hear of the end before the caller's continuations run.
        events.callEnd(null);
        result.complete(value);
      } else {
        fail(result, events, unwrap(failure));
      }
    });
    // A caller's cancel() stops the retries and the attempt on the wire, as closing the client does.
    result.whenComplete((value, failure) -> {
      if (result.isCancelled()) {
        events.callEnd(failure);
        pending.abandon();
      }
      if (pending.isAbandoned()) {
        execution.cancel(false);
      }
    });
    return result;
  }

  private static void fail(CompletableFuture<?> result, CallEvents events, Throwable failure) {
    events.callEnd(failure);
    result.completeExceptionally(failure);
  }

  private Attempt attemptOf(ExecutionContext<?> execution) {
    return new Attempt(execution, runtime.settings.deadline());
  }

  /** The limiter this call's attempts take permits from, by its arguments (checked already). */
  private ZimRateLimiter prepare(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    CallPacing current = callPacing;
    if (current == null) {
      current = new CallPacing(pacing, invocation.method());
      callPacing = current;
    }
    return current.limiterFor(invocation.arguments().toArray());
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
