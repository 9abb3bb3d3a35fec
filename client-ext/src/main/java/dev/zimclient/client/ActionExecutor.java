package dev.zimclient.client;

import com.squareup.moshi.JsonAdapter;
import dev.failsafe.ExecutionContext;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Invocation;

/**
 * Runs one action's calls: validates the arguments, then, for every attempt under the shared
 * retry policy, takes a rate-limit permit, sends the request and reads the response.
 *
 * <p>Order of the policies, outermost first: deadline (checked before each attempt and bounding
 * every wait), retry, rate limit (one permit per attempt, since each is a request on the wire),
 * signing (in OkHttp's network chain, per network attempt).
 */
final class ActionExecutor<T> {
  private static final Logger log = LoggerFactory.getLogger(ActionExecutor.class);

  private final String action;
  private final ZimRateLimiter limiter;
  private final JsonAdapter<T> adapter;
  private final ClientRuntime runtime;
  private volatile ArgumentValidator validator;

  ActionExecutor(String action, ZimRateLimiter limiter, JsonAdapter<T> adapter, ClientRuntime runtime) {
    this.action = action;
    this.limiter = limiter;
    this.adapter = adapter;
    this.runtime = runtime;
  }

  T execute(retrofit2.Call<?> call) {
    Request request = prepare(call);
    return runtime.syncRetries().get(context -> attempt(request, context));
  }

  CompletableFuture<T> executeAsync(retrofit2.Call<?> call) {
    Request request = prepare(call);
    return runtime.asyncRetries().getStageAsync(context -> attemptAsync(request, context));
  }

  /** Validates the arguments the request was built from; throws before anything is sent. */
  private Request prepare(retrofit2.Call<?> call) {
    Request request = call.request();
    Invocation invocation = request.tag(Invocation.class);
    if (invocation != null) {
      ArgumentValidator current = validator;
      if (current == null) {
        current = ArgumentValidator.of(invocation.method());
        validator = current;
      }
      current.validate(invocation.arguments().toArray());
    }
    return request;
  }

  private T attempt(Request request, ExecutionContext<?> context) {
    long waitNanos = reservePermit(context);
    do {
      if (waitNanos > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(waitNanos);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ZimTransportException(action, "interrupted while waiting for a rate-limit permit", false, e);
        }
      }
      waitNanos = limiter.claimSend();
    } while (waitNanos > 0);
    okhttp3.Call http = newCall(request, context);
    long started = System.nanoTime();
    try (Response response = http.execute()) {
      return read(response, context, started);
    } catch (IOException e) {
      throw transportFailure(e, context, started);
    }
  }

  private CompletableFuture<T> attemptAsync(Request request, ExecutionContext<?> context) {
    CompletableFuture<T> result = new CompletableFuture<>();
    long waitNanos;
    try {
      waitNanos = reservePermit(context);
    } catch (ZimException e) {
      result.completeExceptionally(e);
      return result;
    }
    Runnable send = () -> {
      okhttp3.Call http = newCall(request, context);
      long started = System.nanoTime();
      http.enqueue(new Callback() {
        @Override
        public void onResponse(@NotNull okhttp3.Call call, @NotNull Response response) {
          try (response) {
            result.complete(read(response, context, started));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        }

        @Override
        public void onFailure(@NotNull okhttp3.Call call, @NotNull IOException e) {
          result.completeExceptionally(transportFailure(e, context, started));
        }
      });
    };
    Runnable claimed = whenClaimed(send);
    if (waitNanos > 0) {
      // Waits on the scheduler, not on a parked thread.
      runtime.scheduler().schedule(claimed, waitNanos, TimeUnit.NANOSECONDS);
    } else {
      claimed.run();
    }
    return result;
  }

  /** Runs {@code send} once the limiter lets the request go, waiting on the scheduler meanwhile. */
  private Runnable whenClaimed(Runnable send) {
    return new Runnable() {
      @Override
      public void run() {
        long waitNanos = limiter.claimSend();
        if (waitNanos > 0) {
          runtime.scheduler().schedule(this, waitNanos, TimeUnit.NANOSECONDS);
        } else {
          send.run();
        }
      }
    };
  }

  /** Returns the nanoseconds to wait for a permit, or throws when the call may not wait that long. */
  private long reservePermit(ExecutionContext<?> context) {
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

  private okhttp3.Call newCall(Request request, ExecutionContext<?> context) {
    okhttp3.Call http = runtime.http().newCall(request);
    // Each attempt may use what is left of the call's deadline, and no more.
    http.timeout().timeout(Math.max(1, remainingNanos(context)), TimeUnit.NANOSECONDS);
    return http;
  }

  private T read(Response response, ExecutionContext<?> context, long started) {
    boolean clockSkewRetryAllowed = !ClockSkew.is(context.getLastException());
    try {
      T value = runtime.reader().read(action, response, adapter, clockSkewRetryAllowed);
      logOutcome(context, started, response.code(), "Code 0");
      return value;
    } catch (ZimException e) {
      logOutcome(context, started, response.code(), e.getMessage());
      throw e;
    }
  }

  private ZimException transportFailure(IOException e, ExecutionContext<?> context, long started) {
    logOutcome(context, started, 0, e.toString());
    return new ZimTransportException(action, e.toString(), e);
  }

  private ZimDeadlineExceededException deadlineExceeded(ExecutionContext<?> context) {
    return new ZimDeadlineExceededException(action, runtime.settings().deadline(), context.getAttemptCount(),
        context.getLastException());
  }

  private long remainingNanos(ExecutionContext<?> context) {
    return runtime.settings().deadline().toNanos() - context.getElapsedTime().toNanos();
  }

  private void logOutcome(ExecutionContext<?> context, long started, int status, String outcome) {
    if (log.isDebugEnabled()) {
      log.debug("{} attempt {}: HTTP {} in {} ms: {}", action, context.getAttemptCount() + 1, status,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), outcome);
    }
  }
}
