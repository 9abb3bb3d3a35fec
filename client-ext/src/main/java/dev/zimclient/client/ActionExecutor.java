package dev.zimclient.client;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Invocation;

/**
 * Runs one action's calls: validates the arguments, then, for every attempt under the retry
 * policy, takes a rate-limit permit, sends the request and reads the response. The first attempt
 * runs outside Failsafe; a retryable failure hands the call to it (see {@link Attempt}).
 *
 * <p>Order of the policies, outermost first: deadline (checked before each attempt and bounding
 * every wait), retry, rate limit (one permit per attempt, since each is a request on the wire),
 * signing (in OkHttp's network chain, per network attempt).
 */
final class ActionExecutor<T> {
  private static final Logger log = LoggerFactory.getLogger(ActionExecutor.class);

  private final String action;
  private final ScopedLimiter limiters;
  private final JsonAdapter<T> adapter;
  private final ClientRuntime runtime;
  private volatile ArgumentValidator validator;
  private volatile int keyIndex = UNKNOWN;
  private static final int UNKNOWN = -2;

  ActionExecutor(String action, ScopedLimiter limiters, JsonAdapter<T> adapter, ClientRuntime runtime) {
    this.action = action;
    this.limiters = limiters;
    this.adapter = adapter;
    this.runtime = runtime;
  }

  T execute(retrofit2.Call<?> call) {
    Request request = call.request();
    ZimRateLimiter limiter = prepare(request);
    PendingCall pending = new PendingCall(() -> { });
    if (!runtime.started(pending)) {
      throw closed(null);
    }
    long callStart = System.nanoTime();
    try {
      // Most calls succeed at once: only a retryable failure pays for Failsafe's execution.
      return attempt(request, limiter, Attempt.first(callStart), pending);
    } catch (ZimException first) {
      if (!RetryPolicies.isRetryable(first)) {
        throw first;
      }
      return runtime.<T>syncRetries(callStart).get(context -> {
        if (context.getAttemptCount() == 0) {
          throw first; // replayed, so that Failsafe counts it and backs off from it
        }
        return attempt(request, limiter, Attempt.retry(callStart, context), pending);
      });
    } finally {
      runtime.finished(pending);
    }
  }

  CompletableFuture<T> executeAsync(retrofit2.Call<?> call) {
    Request request = call.request();
    ZimRateLimiter limiter = prepare(request);
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<T>> execution = new AtomicReference<>();
    PendingCall pending = new PendingCall(() -> {
      result.completeExceptionally(closed(null));
      CompletableFuture<T> running = execution.get();
      if (running != null) {
        running.cancel(false);
      }
    });
    if (!runtime.started(pending)) {
      result.completeExceptionally(closed(null));
      return result;
    }
    long callStart = System.nanoTime();
    // The first attempt starts on the caller's thread; it never waits there (see attemptAsync).
    CompletableFuture<T> first = attemptAsyncCaught(request, limiter, Attempt.first(callStart), pending);
    execution.set(first);
    first.whenComplete((value, failure) -> {
      Throwable cause = unwrap(failure);
      if (cause == null || !RetryPolicies.isRetryable(cause) || pending.isAbandoned()) {
        finish(result, pending, value, cause);
        return;
      }
      CompletableFuture<T> retries;
      try {
        retries = runtime.<T>asyncRetries(callStart).getStageAsync(context ->
            context.getAttemptCount() == 0
                ? CompletableFuture.failedFuture(cause) // replayed, so that Failsafe counts it and backs off from it
                : attemptAsync(request, limiter, Attempt.retry(callStart, context), pending));
      } catch (RuntimeException e) {
        finish(result, pending, null, e); // whatever escapes must still end the call
        return;
      }
      execution.set(retries);
      if (pending.isAbandoned()) {
        retries.cancel(false); // closed between the first attempt and here
      }
      retries.whenComplete((retried, retryFailure) -> finish(result, pending, retried, unwrap(retryFailure)));
    });
    // A caller's cancel() stops the retries and the attempt on the wire, as closing the client does.
    result.whenComplete((value, failure) -> {
      if (result.isCancelled()) {
        pending.abandon();
      }
    });
    return result;
  }

  private void finish(CompletableFuture<T> result, PendingCall pending, T value, Throwable failure) {
    runtime.finished(pending);
    if (failure == null) {
      result.complete(value);
    } else {
      result.completeExceptionally(failure);
    }
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  /** attemptAsync, with whatever it throws as the failed attempt, as Failsafe would record it. */
  private CompletableFuture<T> attemptAsyncCaught(Request request, ZimRateLimiter limiter, Attempt context,
      PendingCall pending) {
    try {
      return attemptAsync(request, limiter, context, pending);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Validates the arguments the request was built from, throwing before anything is sent, and
   * returns the limiter the call's attempts take permits from.
   */
  private ZimRateLimiter prepare(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      return limiters.shared();
    }
    ArgumentValidator current = validator;
    if (current == null) {
      current = ArgumentValidator.of(invocation.method());
      validator = current;
    }
    Object[] arguments = invocation.arguments().toArray();
    current.validate(arguments);
    return limiterFor(invocation, arguments);
  }

  /** The limiter of the key's value (e.g. the room's) when the limit is keyed; see {@link ScopedLimiter}. */
  private ZimRateLimiter limiterFor(Invocation invocation, Object[] arguments) {
    if (limiters.keyParameter() == null) {
      return limiters.shared();
    }
    int index = keyIndex;
    if (index == UNKNOWN) {
      index = ArgumentValidator.indexOf(invocation.method(), limiters.keyParameter());
      keyIndex = index;
    }
    return index >= 0 && arguments[index] instanceof String key ? limiters.forKey(key) : limiters.shared();
  }

  private T attempt(Request request, ZimRateLimiter limiter, Attempt context, PendingCall pending) {
    throwIfClosed(pending);
    long waitNanos = reservePermit(context, limiter);
    do {
      if (waitNanos > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(waitNanos);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ZimTransportException(action, "interrupted while waiting for a rate-limit permit", false, e);
        }
      }
      throwIfClosed(pending);
      waitNanos = limiter.claimSend();
    } while (waitNanos > 0);
    okhttp3.Call http = newCall(request, context);
    pending.sending(http);
    long started = System.nanoTime();
    try (Response response = http.execute()) {
      return read(http, response, context, started);
    } catch (IOException e) {
      throw transportFailure(e, context, started);
    }
  }

  private CompletableFuture<T> attemptAsync(Request request, ZimRateLimiter limiter, Attempt context,
      PendingCall pending) {
    CompletableFuture<T> result = new CompletableFuture<>();
    long waitNanos;
    try {
      throwIfClosed(pending);
      waitNanos = reservePermit(context, limiter);
    } catch (ZimException e) {
      result.completeExceptionally(e);
      return result;
    }
    Runnable send = () -> {
      if (runtime.isClosed() || pending.isAbandoned()) {
        result.completeExceptionally(closed(null));
        return;
      }
      okhttp3.Call http = newCall(request, context);
      pending.sending(http);
      long started = System.nanoTime();
      http.enqueue(new Callback() {
        @Override
        public void onResponse(@NotNull okhttp3.Call call, @NotNull Response response) {
          try (response) {
            result.complete(read(call, response, context, started));
          } catch (RuntimeException | Error e) {
            // Whatever escapes must still end the call, or its caller would wait forever.
            result.completeExceptionally(e);
            if (e instanceof VirtualMachineError) {
              throw e;
            }
          }
        }

        @Override
        public void onFailure(@NotNull okhttp3.Call call, @NotNull IOException e) {
          result.completeExceptionally(transportFailure(e, context, started));
        }
      });
    };
    Runnable claimed = whenClaimed(send, limiter);
    if (waitNanos > 0) {
      // Waits on the scheduler, not on a parked thread.
      try {
        runtime.scheduler().schedule(claimed, waitNanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        result.completeExceptionally(closed(e));
      }
    } else {
      claimed.run();
    }
    return result;
  }

  /** Runs {@code send} once the limiter lets the request go, waiting on the scheduler meanwhile. */
  private Runnable whenClaimed(Runnable send, ZimRateLimiter limiter) {
    return new Runnable() {
      @Override
      public void run() {
        long waitNanos = limiter.claimSend();
        if (waitNanos > 0) {
          try {
            runtime.scheduler().schedule(this, waitNanos, TimeUnit.NANOSECONDS);
            return;
          } catch (RejectedExecutionException e) {
            // The client closed meanwhile: send() ends the call with its typed failure.
          }
        }
        send.run();
      }
    };
  }

  /** Returns the nanoseconds to wait for a permit, or throws when the call may not wait that long. */
  private long reservePermit(Attempt context, ZimRateLimiter limiter) {
    long remaining = remainingNanos(context);
    if (remaining <= 0) {
      throw deadlineExceeded(context);
    }
    long maxWait = runtime.settings().maxRateLimitWait().toNanos();
    long allowed = Math.min(maxWait, remaining);
    long wait = limiter.reservePermit(allowed);
    if (wait < 0) {
      if (allowed < maxWait) {
        throw deadlineExceeded(context);
      }
      throw new ZimRateLimitExceededException(action, runtime.settings().maxRateLimitWait());
    }
    return wait;
  }

  private okhttp3.Call newCall(Request request, Attempt context) {
    okhttp3.Call http = runtime.http().newCall(request);
    // Each attempt may use what is left of the call's deadline, and no more.
    http.timeout().timeout(Math.max(1, remainingNanos(context)), TimeUnit.NANOSECONDS);
    return http;
  }

  private T read(okhttp3.Call http, Response response, Attempt context, long started) {
    boolean clockSkewRetryAllowed = !ClockSkew.is(context.lastFailure());
    try {
      T value = runtime.reader().read(action, response, adapter, clockSkewRetryAllowed);
      logOutcome(context, started, response.code(), "Code 0");
      return value;
    } catch (ZimException e) {
      if (e instanceof ZimProtocolException protocol && protocol.kind() == ZimProtocolException.Kind.TOO_LARGE) {
        // Closing the socket now stops OkHttp from draining the rest of the body to reuse the
        // connection, which on a fast link reads tens of megabytes after the refusal.
        http.cancel();
      }
      logOutcome(context, started, response.code(), e.getMessage());
      throw e;
    }
  }

  private ZimException transportFailure(IOException e, Attempt context, long started) {
    logOutcome(context, started, 0, e.toString());
    if (runtime.isClosed()) {
      return closed(e); // the attempt was cancelled by close(), or refused by the closed dispatcher
    }
    ZimTransportException failure = new ZimTransportException(action, e.toString(), !isCertificateFailure(e), e);
    if (remainingNanos(context) <= 0) {
      // The call's own timeout cut this attempt: that is the deadline, even with no retry left.
      return new ZimDeadlineExceededException(action, runtime.settings().deadline(), context.count() + 1,
          failure);
    }
    return failure;
  }

  private void throwIfClosed(PendingCall pending) {
    if (runtime.isClosed() || pending.isAbandoned()) {
      throw closed(null);
    }
  }

  private ZimTransportException closed(Throwable cause) {
    return new ZimTransportException(action, "the client was closed before the call ended", false, cause);
  }

  /** A certificate or host name that the TLS settings reject is rejected again on every attempt. */
  private static boolean isCertificateFailure(IOException e) {
    return e instanceof SSLPeerUnverifiedException
        || e instanceof SSLHandshakeException && e.getCause() instanceof CertificateException;
  }

  private ZimDeadlineExceededException deadlineExceeded(Attempt context) {
    return new ZimDeadlineExceededException(action, runtime.settings().deadline(), context.count(),
        context.lastFailure());
  }

  private long remainingNanos(Attempt context) {
    return runtime.settings().deadline().toNanos() - context.elapsedNanos();
  }

  private void logOutcome(Attempt context, long started, int status, String outcome) {
    if (log.isDebugEnabled()) {
      log.debug("{} attempt {}: HTTP {} in {} ms: {}", action, context.count() + 1, status,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), outcome);
    }
  }
}
