package dev.zimclient.client.internal.call;

import com.squareup.moshi.JsonAdapter;
import dev.zimclient.client.error.ZimException;
import dev.zimclient.client.error.ZimProtocolException;
import dev.zimclient.client.internal.limit.PermitGate;
import dev.zimclient.client.internal.response.ClockSkew;
import dev.zimclient.client.limit.ZimRateLimiter;
import dev.zimclient.generated.ZimEnvelope;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of a call: a permit from the action's limiter, the request on the wire within what
 * is left of the deadline, and its response read into the record or the typed failure. The
 * blocking and async forms differ only in how they wait.
 */
final class AttemptRunner<T> {
  private static final Logger log = LoggerFactory.getLogger(AttemptRunner.class);

  private final String action;
  private final JsonAdapter<T> adapter;
  private final CallRuntime runtime;
  private final FailureClassifier failures;

  AttemptRunner(String action, JsonAdapter<T> adapter, CallRuntime runtime, FailureClassifier failures) {
    this.action = action;
    this.adapter = adapter;
    this.runtime = runtime;
    this.failures = failures;
  }

  T run(Request request, ZimRateLimiter limiter, Attempt attempt, PendingCall pending) {
    CallEvents events = pending.events();
    int number = attempt.number();
    events.attemptStart(number);
    long waitStart = System.nanoTime();
    PermitGate.Outcome permit;
    try {
      permit = runtime.gate.await(limiter, attempt.remainingNanos(), pending::isAbandoned);
    } catch (InterruptedException e) {
      events.permitWaitEnd(number, waitStart, false);
      throw notSent(events, number, failures.interrupted(e));
    }
    events.permitWaitEnd(number, waitStart, permit == PermitGate.Outcome.GRANTED);
    if (permit != PermitGate.Outcome.GRANTED) {
      throw notSent(events, number, failures.refused(permit, attempt));
    }
    okhttp3.Call http = newCall(request, attempt, pending);
    long started = System.nanoTime();
    try (Response response = http.execute()) {
      return read(http, response, attempt, started, events);
    } catch (IOException e) {
      throw failedOnTheWire(events, attempt, started, e, pending);
    }
  }

  CompletableFuture<T> runAsync(Request request, ZimRateLimiter limiter, Attempt attempt, PendingCall pending) {
    CallEvents events = pending.events();
    int number = attempt.number();
    events.attemptStart(number);
    long waitStart = System.nanoTime();
    return runtime.gate.awaitAsync(limiter, attempt.remainingNanos(), pending::isAbandoned)
        .thenCompose(permit -> {
          boolean granted = permit == PermitGate.Outcome.GRANTED;
          events.permitWaitEnd(number, waitStart, granted);
          return granted
              ? send(request, attempt, pending)
              : CompletableFuture.failedFuture(notSent(events, number, failures.refused(permit, attempt)));
        });
  }

  private CompletableFuture<T> send(Request request, Attempt attempt, PendingCall pending) {
    CompletableFuture<T> result = new CompletableFuture<>();
    okhttp3.Call http = newCall(request, attempt, pending);
    long started = System.nanoTime();
    http.enqueue(new Callback() {
      @Override
      public void onResponse(@NotNull okhttp3.Call call, @NotNull Response response) {
        try (response) {
          result.complete(read(call, response, attempt, started, pending.events()));
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
        result.completeExceptionally(failedOnTheWire(pending.events(), attempt, started, e, pending));
      }
    });
    return result;
  }

  private static ZimException notSent(CallEvents events, int number, ZimException failure) {
    events.attemptNotSent(number, failure);
    return failure;
  }

  private ZimException failedOnTheWire(CallEvents events, Attempt attempt, long started, IOException e,
      PendingCall pending) {
    logOutcome(attempt, started, 0, e.toString());
    ZimException failure = failures.transport(e, attempt, pending);
    events.attemptFailed(attempt.number(), started, failure);
    return failure;
  }

  /** An OkHttp call of the request that may use what is left of the call's deadline, and no more. */
  private okhttp3.Call newCall(Request request, Attempt attempt, PendingCall pending) {
    okhttp3.Call http = runtime.http.newCall(request);
    http.timeout().timeout(Math.max(1, attempt.remainingNanos()), TimeUnit.NANOSECONDS);
    pending.sending(http);
    return http;
  }

  private T read(okhttp3.Call http, Response response, Attempt attempt, long started, CallEvents events) {
    // A clock-skew answer is retried once, re-signed with the server's time: not after another.
    boolean clockSkewRetryAllowed = !ClockSkew.is(attempt.lastFailure());
    int number = attempt.number();
    try {
      T value = runtime.reader.read(action, response, adapter, clockSkewRetryAllowed);
      logOutcome(attempt, started, response.code(), "Code 0");
      String requestId = value instanceof ZimEnvelope envelope ? envelope.requestId() : null;
      events.attemptAnswered(number, started, response.code(), 0, requestId, null);
      return value;
    } catch (ZimException e) {
      if (e instanceof ZimProtocolException protocol && protocol.kind() == ZimProtocolException.Kind.TOO_LARGE) {
        // Closing the socket now stops OkHttp from draining the rest of the body to reuse the
        // connection, which on a fast link reads tens of megabytes after the refusal.
        http.cancel();
      }
      logOutcome(attempt, started, response.code(), e.getMessage());
      ZimException failure = failures.answered(e);
      events.attemptAnswered(number, started, response.code(), null, null, failure);
      throw failure;
    }
  }

  private void logOutcome(Attempt attempt, long started, int status, String outcome) {
    if (log.isDebugEnabled()) {
      log.debug("{} attempt {}: HTTP {} in {} ms: {}", action, attempt.number(), status,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), outcome);
    }
  }
}
