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
  private final ActionPacing pacing;
  private final boolean idempotent;
  private final CallRuntime runtime;
  private final FailureClassifier failures;
  private final AttemptRunner<T> attempts;
  /** How the method's calls are paced, read from the first call: Retrofit's adapter sees no Method. */
  private volatile CallPacing callPacing;

  ActionInvoker(ActionPacing pacing, boolean idempotent, CallRuntime runtime, FailureClassifier failures,
      AttemptRunner<T> attempts) {
    this.pacing = pacing;
    this.idempotent = idempotent;
    this.runtime = runtime;
    this.failures = failures;
    this.attempts = attempts;
  }

  T call(Request request) {
    ZimRateLimiter limiter = prepare(request);
    PendingCall pending = new PendingCall();
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
    ZimRateLimiter limiter = prepare(request);
    CompletableFuture<T> result = new CompletableFuture<>();
    PendingCall pending = new PendingCall();
    pending.onAbandon(() -> result.completeExceptionally(failures.closed(null)));
    if (!runtime.tracker.started(pending)) {
      result.completeExceptionally(failures.closed(null));
      return result;
    }
    CompletableFuture<T> execution = runtime.<T>retries(idempotent, true).getStageAsync(
        context -> attempts.runAsync(request, limiter, attemptOf(context), pending));
    execution.whenComplete((value, failure) -> {
      runtime.tracker.finished(pending);
      if (failure == null) {
        result.complete(value);
      } else {
        result.completeExceptionally(unwrap(failure));
      }
    });
    // A caller's cancel() stops the retries and the attempt on the wire, as closing the client does.
    result.whenComplete((value, failure) -> {
      if (result.isCancelled()) {
        pending.abandon();
      }
      if (pending.isAbandoned()) {
        execution.cancel(false);
      }
    });
    return result;
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
